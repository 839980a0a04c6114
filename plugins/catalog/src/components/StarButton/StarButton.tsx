import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';

/** A toggle that stars or unstars an entity; `name` is what the label calls it. */
export function StarButton(props: {
  name: string;
  starred: boolean;
  onToggle: () => void;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const label = props.starred
    ? t('star.remove', { name: props.name })
    : t('star.add', { name: props.name });
  return (
    <Tooltip title={label}>
      <IconButton
        aria-label={label}
        aria-pressed={props.starred}
        onClick={props.onToggle}
        size={props.size}
        sx={{ color: props.starred ? 'warning.main' : undefined }}
      >
        {props.starred ? <StarIcon /> : <StarBorderIcon />}
      </IconButton>
    </Tooltip>
  );
}
