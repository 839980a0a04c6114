import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { humanizeEntityRef } from '@greenroom/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import type { CatalogFilters, UserListFilter } from './catalogFilters';
import { FacetPicker } from './FacetPicker';
import type { CatalogFacets } from './useCatalogFacets';
import { UserListPicker } from './UserListPicker';

const SEARCH_DELAY_MS = 300;

function humanizeOwner(ref: string): string {
  try {
    return humanizeEntityRef(ref, { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/** The filters beside the table, in Backstage's order, each changing the URL. */
export function CatalogFilterPanel(props: {
  filters: CatalogFilters;
  facets: CatalogFacets;
  counts: Partial<Record<UserListFilter, number>>;
  onChange: (change: Partial<CatalogFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const { filters, facets, counts, onChange } = props;
  const [text, setText] = useState(filters.text);

  // Typing updates the URL after a pause, not on every key.
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text === filters.text) return undefined;
    const timer = setTimeout(() => onChange({ text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, onChange]);

  const kinds = facets.kinds.some(k => k.value.toLocaleLowerCase('en-US') === filters.kind)
    ? facets.kinds
    : [...facets.kinds, { value: filters.kind, count: 0 }];

  return (
    <Stack component="section" aria-label={t('filters.label')} spacing={2} sx={{ minWidth: 0 }}>
      <TextField
        size="small"
        type="search"
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={text}
        onChange={event => setText(event.target.value)}
        onKeyDown={event => event.key === 'Enter' && onChange({ text })}
      />
      <FormControl size="small">
        <InputLabel id="catalog-kind-label">{t('filters.kind')}</InputLabel>
        <Select
          labelId="catalog-kind-label"
          label={t('filters.kind')}
          value={filters.kind}
          onChange={event =>
            onChange({
              kind: event.target.value,
              type: [],
              owners: [],
              lifecycles: [],
              tags: [],
            })
          }
        >
          {kinds.map(kind => (
            <MenuItem key={kind.value} value={kind.value.toLocaleLowerCase('en-US')}>
              {kind.value}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FacetPicker
        label={t('filters.type')}
        options={facets.types}
        selected={filters.type}
        onChange={type => onChange({ type })}
      />
      <UserListPicker value={filters.user} counts={counts} onChange={user => onChange({ user })} />
      <FacetPicker
        label={t('filters.owner')}
        options={facets.owners}
        selected={filters.owners}
        onChange={owners => onChange({ owners })}
        format={humanizeOwner}
      />
      <FacetPicker
        label={t('filters.lifecycle')}
        options={facets.lifecycles}
        selected={filters.lifecycles}
        onChange={lifecycles => onChange({ lifecycles })}
      />
      <FacetPicker
        label={t('filters.tags')}
        options={facets.tags}
        selected={filters.tags}
        onChange={tags => onChange({ tags })}
      />
      <FacetPicker
        label={t('filters.namespace')}
        options={facets.namespaces}
        selected={filters.namespaces}
        onChange={namespaces => onChange({ namespaces })}
      />
      {facets.error && (
        <Alert severity="warning">
          {t('filters.facetError', { message: facets.error.message })}
        </Alert>
      )}
      <Button onClick={props.onClear}>{t('index.clearFilters')}</Button>
    </Stack>
  );
}
