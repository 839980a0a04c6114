import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import MuiLink from '@mui/material/Link';
import type { LinkProps as MuiLinkProps } from '@mui/material/Link';
import { forwardRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { uiTranslationRef } from '../../translation/uiTranslationRef';

export type LinkProps = Omit<MuiLinkProps, 'href'> & {
  /** An app path (`/catalog`) or an absolute URL (`https://…`), which opens in a new tab. */
  to: string;
};

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

// Read by screen readers, not shown.
const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: 1,
  width: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  position: 'absolute',
  whiteSpace: 'nowrap',
} as const;

/** A link that navigates inside the app without a reload, and opens other sites in a new tab. */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const { to, children, ...rest } = props;
  const { t } = useTranslationRef(uiTranslationRef);
  if (EXTERNAL.test(to)) {
    return (
      <MuiLink ref={ref} href={to} target="_blank" rel="noopener noreferrer" {...rest}>
        {children} <span style={visuallyHidden}>{t('link.newTab')}</span>
      </MuiLink>
    );
  }
  return (
    <MuiLink ref={ref} component={RouterLink} to={to} {...rest}>
      {children}
    </MuiLink>
  );
});
