import type { NavItemExtension } from '@greenroom/frontend-plugin-api';
import List from '@mui/material/List';
import { NavItemLink } from './NavItemLink';

/** The sidebar's links, in plugin order. */
export function NavItemList(props: {
  items: readonly NavItemExtension[];
  collapsed: boolean;
  onNavigate?: () => void;
}) {
  return (
    <List component="ul" sx={{ py: 1 }}>
      {props.items.map((item, index) => (
        <NavItemLink
          key={index}
          item={item}
          collapsed={props.collapsed}
          onNavigate={props.onNavigate}
        />
      ))}
    </List>
  );
}
