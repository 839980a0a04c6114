import { DEFAULT_NAMESPACE, stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';
import type { CatalogApi } from '@greenroom/plugin-catalog-react';
import type { ImportLocation } from './parseLocationInput';

/** One entity registering the location would bring, as the review step lists it. */
export interface PreviewEntity {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  isRegistered: boolean;
}

export type ImportAnalysis =
  | { kind: 'entities'; location: ImportLocation; entities: PreviewEntity[] }
  | { kind: 'noEntities'; location: ImportLocation };

type AnalyzeApi = Pick<CatalogApi, 'analyzeLocation' | 'addLocation'>;

function toPreview(entity: Entity, isRegistered: boolean): PreviewEntity {
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
    isRegistered,
  };
}

/**
 * What registering `location` would add. URLs go through `POST /analyze-location`; when it
 * finds nothing, a dry-run registration says why (a 404, a refused host) or confirms the file
 * holds no valid entity. Paths have no analyzer, so the dry run is the preview. Backend
 * errors are thrown with the catalog's message.
 */
export async function analyzeImportLocation(
  api: AnalyzeApi,
  location: ImportLocation,
  catalogFilename?: string,
): Promise<ImportAnalysis> {
  if (location.type === 'url') {
    const analysis = await api.analyzeLocation({ location, catalogFilename });
    if (analysis.existingEntityFiles.length > 0) {
      const first = analysis.existingEntityFiles[0].location;
      return {
        kind: 'entities',
        // The analyzer names the file it read, e.g. the catalog-info.yaml inside a folder URL.
        location: { type: 'url', target: first.target },
        entities: dedupe(
          analysis.existingEntityFiles.map(file => toPreview(file.entity, file.isRegistered)),
        ),
      };
    }
  }
  const target =
    location.type === 'url' ? catalogFileUrl(location.target, catalogFilename) : location.target;
  const dryRun = await api.addLocation({ type: location.type, target, dryRun: true });
  // The dry run also returns the Location entity the catalog generates for the target itself.
  const entities = dryRun.entities.filter(
    entity => !(entity.kind === 'Location' && entity.spec?.target === dryRun.location.target),
  );
  if (entities.length === 0) return { kind: 'noEntities', location: { ...location, target } };
  const isRegistered = dryRun.exists === true;
  return {
    kind: 'entities',
    location: { type: location.type, target: dryRun.location.target || target },
    entities: dedupe(entities.map(entity => toPreview(entity, isRegistered))),
  };
}

/** The file a folder URL stands for, as the analyzer reads it. */
export function catalogFileUrl(target: string, catalogFilename = 'catalog-info.yaml'): string {
  const url = new URL(target);
  if (/\.ya?ml$/i.test(url.pathname)) return url.toString();
  return new URL(catalogFilename, target.endsWith('/') ? target : `${target}/`).toString();
}

function dedupe(entities: PreviewEntity[]): PreviewEntity[] {
  const seen = new Set<string>();
  return entities.filter(entity => !seen.has(entity.ref) && Boolean(seen.add(entity.ref)));
}
