import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { RELATION_FILTER_OPTIONS } from '../model/graphFilter';
import { catalogGraphTranslationRef } from '../translation/catalogGraphTranslationRef';
import { relationFilterLabel } from './relationLabel';

export const DEPTHS = [1, 2, 3] as const;

export interface GraphFiltersProps {
  depth: number;
  onDepthChange(depth: number): void;
  kindOptions: readonly string[];
  kinds: readonly string[];
  onKindsChange(kinds: string[]): void;
  relations: readonly string[];
  onRelationsChange(relations: string[]): void;
}

/** Depth, kinds and relation types; an empty selection means all. */
export function GraphFilters(props: GraphFiltersProps) {
  const { t } = useTranslationRef(catalogGraphTranslationRef);
  const id = useId();
  const asList = (value: string | string[]) =>
    typeof value === 'string' ? value.split(',') : value;

  return (
    <Stack
      component="form"
      aria-label={t('filters.label')}
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ mb: 2 }}
      onSubmit={event => event.preventDefault()}
    >
      <FormControl size="small" sx={{ minWidth: 96 }}>
        <InputLabel id={`${id}-depth`}>{t('filters.depth')}</InputLabel>
        <Select
          labelId={`${id}-depth`}
          label={t('filters.depth')}
          value={props.depth}
          onChange={event => props.onDepthChange(Number(event.target.value))}
        >
          {DEPTHS.map(depth => (
            <MenuItem key={depth} value={depth}>
              {depth}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id={`${id}-kinds`} shrink>
          {t('filters.kinds')}
        </InputLabel>
        <Select
          labelId={`${id}-kinds`}
          label={t('filters.kinds')}
          multiple
          displayEmpty
          notched
          value={[...props.kinds]}
          onChange={event => props.onKindsChange(asList(event.target.value))}
          renderValue={selected =>
            selected.length === 0 ? t('filters.allKinds') : selected.join(', ')
          }
        >
          {props.kindOptions.map(kind => (
            <MenuItem key={kind} value={kind}>
              <Checkbox size="small" checked={props.kinds.includes(kind)} tabIndex={-1} />
              <ListItemText primary={kind} />
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id={`${id}-relations`} shrink>
          {t('filters.relations')}
        </InputLabel>
        <Select
          labelId={`${id}-relations`}
          label={t('filters.relations')}
          multiple
          displayEmpty
          notched
          value={[...props.relations]}
          onChange={event => props.onRelationsChange(asList(event.target.value))}
          renderValue={selected =>
            selected.length === 0
              ? t('filters.allRelations')
              : selected.map(type => relationFilterLabel(t, type)).join(', ')
          }
        >
          {RELATION_FILTER_OPTIONS.map(type => (
            <MenuItem key={type} value={type}>
              <Checkbox size="small" checked={props.relations.includes(type)} tabIndex={-1} />
              <ListItemText primary={relationFilterLabel(t, type)} />
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Stack>
  );
}
