import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import type { UserListFilter } from './catalogFilters';

/** Owned / Starred / All, with how many each would show. */
export function UserListPicker(props: {
  value: UserListFilter;
  counts: Partial<Record<UserListFilter, number>>;
  onChange: (value: UserListFilter) => void;
}) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const labels: Record<UserListFilter, string> = {
    owned: t('filters.owned'),
    starred: t('filters.starred'),
    all: t('filters.all'),
  };
  return (
    <ToggleButtonGroup
      exclusive
      fullWidth
      size="small"
      color="primary"
      aria-label={t('filters.userList')}
      value={props.value}
      onChange={(_, value: UserListFilter | null) => value && props.onChange(value)}
    >
      {(['owned', 'starred', 'all'] as const).map(list => {
        const count = props.counts[list];
        return (
          <ToggleButton
            key={list}
            value={list}
            // MUI's unselected grey is below 4.5:1 on the paper background.
            sx={{ textTransform: 'none', '&:not(.Mui-selected)': { color: 'text.primary' } }}
          >
            {count === undefined
              ? labels[list]
              : t('filters.countSuffix', { label: labels[list], count })}
          </ToggleButton>
        );
      })}
    </ToggleButtonGroup>
  );
}
