import { useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import type { NavItemExtension } from '@greenroom/frontend-plugin-api';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Tooltip from '@mui/material/Tooltip';
import { NavLink } from 'react-router';

/** One sidebar entry: an icon and the translated title, a link to the plugin's page. */
export function NavItemLink(props: {
  item: NavItemExtension;
  collapsed: boolean;
  onNavigate?: () => void;
}) {
  const { item, collapsed, onNavigate } = props;
  const { t } = useTranslationRef(item.title.ref);
  const title = (t as (key: string) => string)(item.title.key);
  const to = useRouteRef(item.routeRef)();
  const Icon = item.icon;

  const link = (
    <ListItemButton
      component={NavLink}
      to={to}
      end={to === '/'}
      onClick={onNavigate}
      aria-label={collapsed ? title : undefined}
      sx={{
        minHeight: 44,
        px: 2.5,
        '&.active': { bgcolor: 'action.selected', fontWeight: 600 },
      }}
    >
      <ListItemIcon sx={{ minWidth: collapsed ? 0 : 40 }}>
        <Icon />
      </ListItemIcon>
      {!collapsed && <ListItemText primary={title} />}
    </ListItemButton>
  );
  return (
    <li>
      {collapsed ? (
        <Tooltip title={title} placement="right">
          {link}
        </Tooltip>
      ) : (
        link
      )}
    </li>
  );
}
