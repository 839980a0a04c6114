import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import type { FacetOption } from './useCatalogFacets';

/** A multi-select over facet values, with their counts; keyboard-usable (MUI Autocomplete). */
export function FacetPicker(props: {
  label: string;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** How a value is shown, e.g. a humanized ref for owners. */
  format?: (value: string) => string;
}) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const { label, options, selected, onChange } = props;
  const format = props.format ?? ((value: string) => value);
  const counts = new Map(options.map(option => [option.value, option.count]));
  // Selected values stay choosable even when the current options lack them (e.g. from a URL).
  const values = [...new Set([...options.map(option => option.value), ...selected])];
  return (
    <Autocomplete
      multiple
      size="small"
      options={values}
      value={selected}
      onChange={(_, value) => onChange(value)}
      getOptionLabel={value => {
        const count = counts.get(value);
        return count === undefined
          ? format(value)
          : t('filters.optionCount', { value: format(value), count });
      }}
      noOptionsText={t('filters.noOptions')}
      renderValue={(value, getItemProps) =>
        value.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={format(item)} {...itemProps} />;
        })
      }
      renderInput={params => <TextField {...params} label={label} />}
    />
  );
}
