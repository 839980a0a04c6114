import { stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useApi, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, entityDisplayName } from '@greenroom/plugin-catalog-react';
import BugReportOutlinedIcon from '@mui/icons-material/BugReportOutlined';
import CancelOutlinedIcon from '@mui/icons-material/CancelOutlined';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import RefreshIcon from '@mui/icons-material/Refresh';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import { useId, useState } from 'react';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { InspectDialog } from './InspectDialog';
import { UnregisterDialog } from './UnregisterDialog';

/** Refresh, Unregister, Copy entity URL and Inspect. */
export function EntityContextMenu(props: { entity: Entity; onRefreshed: () => void }) {
  const { entity } = props;
  const { t } = useTranslationRef(catalogTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'unregister' | 'inspect'>();
  const [notice, setNotice] = useState<string>();

  const close = () => setAnchor(null);
  const refresh = async () => {
    close();
    try {
      await catalogApi.refreshEntity(stringifyEntityRef(entity));
      setNotice(t('entity.menu.refreshScheduled'));
      props.onRefreshed();
    } catch (error) {
      setNotice(t('entity.menu.actionFailed', { message: (error as Error).message }));
    }
  };
  const copyUrl = async () => {
    close();
    try {
      await navigator.clipboard.writeText(window.location.href);
      setNotice(t('entity.menu.copied'));
    } catch (error) {
      setNotice(t('entity.menu.copyFailed', { message: (error as Error).message }));
    }
  };

  return (
    <>
      <IconButton
        aria-label={t('entity.menu.open')}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={event => setAnchor(event.currentTarget)}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        <MenuItem onClick={refresh}>
          <ListItemIcon>
            <RefreshIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('entity.menu.refresh')}</ListItemText>
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setDialog('unregister');
          }}
        >
          <ListItemIcon>
            <CancelOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('entity.menu.unregister')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={copyUrl}>
          <ListItemIcon>
            <ContentCopyIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('entity.menu.copyUrl')}</ListItemText>
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setDialog('inspect');
          }}
        >
          <ListItemIcon>
            <BugReportOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('entity.menu.inspect')}</ListItemText>
        </MenuItem>
      </Menu>
      <UnregisterDialog
        open={dialog === 'unregister'}
        entity={entity}
        onClose={() => setDialog(undefined)}
      />
      <InspectDialog
        open={dialog === 'inspect'}
        entity={entity}
        title={entityDisplayName(entity, { defaultKind: entity.kind })}
        onClose={() => setDialog(undefined)}
      />
      <Snackbar
        open={notice !== undefined}
        message={notice}
        autoHideDuration={4000}
        onClose={() => setNotice(undefined)}
      />
    </>
  );
}
