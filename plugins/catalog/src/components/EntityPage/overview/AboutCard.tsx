import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TECHDOCS_REF,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseLocationRef,
} from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import { useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { EntityRefLinks, entityRouteParams, useEntity } from '@greenroom/plugin-catalog-react';
import { InfoCard, Link } from '@greenroom/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { createFromTemplateRouteRef, viewTechDocRouteRef } from '../../../routes';
import { catalogTranslationRef } from '../../../translation/catalogTranslationRef';
import { relationTargets } from '../relations';

/** Where the entity's source is: the source-location annotation when it is a URL. */
function sourceUrl(entity: Entity): string | undefined {
  const ref = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!ref) return undefined;
  try {
    const { type, target } = parseLocationRef(ref);
    return type === 'url' && /^https?:\/\//.test(target) ? target : undefined;
  } catch {
    return undefined;
  }
}

function Field(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Box sx={{ gridColumn: props.wide ? '1 / -1' : undefined, minWidth: 0 }}>
      <Typography variant="overline" component="dt" color="text.secondary">
        {props.label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Typography>
    </Box>
  );
}

/** Description, owner, system, type, lifecycle, tags, and links to source, edit and docs. */
export function AboutCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(catalogTranslationRef);
  const viewTechDoc = useRouteRef(viewTechDocRouteRef);
  const createFromTemplate = useRouteRef(createFromTemplateRouteRef);
  const annotations = entity.metadata.annotations ?? {};
  const spec = entity.spec ?? {};
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const none = t('about.none');
  const owners = relationTargets(entity, RELATION_OWNED_BY);
  const systems = relationTargets(entity, RELATION_PART_OF, 'system');
  const domains = relationTargets(entity, RELATION_PART_OF, 'domain');
  const parents = relationTargets(entity, RELATION_PART_OF, 'component');
  const parentGroups = relationTargets(entity, RELATION_CHILD_OF, 'group');
  const source = sourceUrl(entity);
  const editUrl = annotations[ANNOTATION_EDIT_URL];
  const hasDocs = Boolean(
    annotations[ANNOTATION_TECHDOCS_REF] || annotations[ANNOTATION_TECHDOCS_ENTITY],
  );
  const docsLink = hasDocs && viewTechDoc ? viewTechDoc(entityRouteParams(entity)) : undefined;
  const templateLink =
    kind === 'template' && createFromTemplate
      ? createFromTemplate({
          namespace: entityRouteParams(entity).namespace,
          templateName: entity.metadata.name,
        })
      : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : none);

  const actions = [
    source && (
      <Button key="source" component={Link} to={source}>
        {t('about.viewSource')}
      </Button>
    ),
    editUrl && (
      <Button key="edit" component={Link} to={editUrl}>
        {t('about.edit')}
      </Button>
    ),
    docsLink && (
      <Button key="docs" component={RouterLink} to={docsLink}>
        {t('about.viewTechDocs')}
      </Button>
    ),
    templateLink && (
      <Button key="template" variant="contained" component={RouterLink} to={templateLink}>
        {t('about.launchTemplate')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <InfoCard title={t('about.title')} actions={actions.length > 0 ? actions : undefined}>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' },
        }}
      >
        <Field label={t('about.description')} wide>
          {entity.metadata.description || t('about.noDescription')}
        </Field>
        {kind !== 'user' && (
          <Field label={t('about.owner')}>
            {owners.length ? <EntityRefLinks entityRefs={owners} defaultKind="group" /> : none}
          </Field>
        )}
        {['component', 'api', 'resource'].includes(kind) && (
          <Field label={t('about.system')}>
            {systems.length ? <EntityRefLinks entityRefs={systems} defaultKind="system" /> : none}
          </Field>
        )}
        {kind === 'system' && (
          <Field label={t('about.domain')}>
            {domains.length ? <EntityRefLinks entityRefs={domains} defaultKind="domain" /> : none}
          </Field>
        )}
        {kind === 'component' && parents.length > 0 && (
          <Field label={t('about.parent')}>
            <EntityRefLinks entityRefs={parents} defaultKind="component" />
          </Field>
        )}
        {kind === 'group' && parentGroups.length > 0 && (
          <Field label={t('about.parent')}>
            <EntityRefLinks entityRefs={parentGroups} defaultKind="group" />
          </Field>
        )}
        {kind !== 'user' && <Field label={t('about.type')}>{text(spec.type)}</Field>}
        {['component', 'api', 'template'].includes(kind) && (
          <Field label={t('about.lifecycle')}>{text(spec.lifecycle)}</Field>
        )}
        {kind === 'user' && <UserProfile entity={entity} />}
        <Field label={t('about.tags')} wide>
          {entity.metadata.tags?.length ? (
            <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
              {entity.metadata.tags.map(tag => (
                <Chip key={tag} size="small" label={tag} />
              ))}
            </Box>
          ) : (
            none
          )}
        </Field>
      </Box>
    </InfoCard>
  );
}

function UserProfile(props: { entity: Entity }) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const profile = (props.entity.spec?.profile ?? {}) as { displayName?: string; email?: string };
  return (
    <>
      <Field label={t('about.displayName')}>{profile.displayName || t('about.none')}</Field>
      <Field label={t('about.email')}>
        {profile.email ? (
          <Link to={`mailto:${profile.email}`}>{profile.email}</Link>
        ) : (
          t('about.none')
        )}
      </Field>
    </>
  );
}
