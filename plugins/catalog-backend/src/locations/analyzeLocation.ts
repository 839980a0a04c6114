import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import type { Entity } from '@greenroom/catalog-model';
import { InputError } from '@greenroom/errors';
import { parseEntityDocuments } from '../processing/parseEntityDocuments';
import type { LocationStore } from './LocationStore';

/** Backstage's `AnalyzeLocationResponse` (ref-features §2.6). */
export interface AnalyzeLocationResponse {
  existingEntityFiles: Array<{
    entity: Entity;
    isRegistered: boolean;
    location: { type: string; target: string };
  }>;
  generateEntities: Array<{
    entity: Record<string, unknown>;
    fields: Array<{ field: string; state: string; value: string | null; description: string }>;
  }>;
}

const isEntityLike = (v: unknown): v is Entity =>
  typeof (v as Entity | null)?.kind === 'string' &&
  typeof (v as Entity | null)?.metadata?.name === 'string';

/**
 * `POST /analyze-location` without SCM analyzers: a target naming a YAML file is read as is,
 * any other URL is taken as a folder holding `catalogFilename` (default `catalog-info.yaml`).
 * Entities found there are listed; when none are, a Component to create is suggested.
 */
export async function analyzeLocation(
  body: unknown,
  deps: { reader: UrlReaderService; locations: LocationStore },
): Promise<AnalyzeLocationResponse> {
  const request = (body ?? {}) as {
    location?: { type?: unknown; target?: unknown };
    catalogFilename?: unknown;
    catalogFileName?: unknown;
  };
  const target = request.location?.target;
  let url: URL;
  try {
    url = new URL(String(target));
  } catch {
    throw new InputError('The given location.target is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('The given location.target is not a URL');
  }
  const requested = request.catalogFilename ?? request.catalogFileName;
  const filename = typeof requested === 'string' && requested ? requested : 'catalog-info.yaml';
  const fileUrl = /\.ya?ml$/i.test(url.pathname)
    ? url.toString()
    : new URL(filename, url.toString().endsWith('/') ? url : `${url.toString()}/`).toString();

  let text: string | undefined;
  try {
    text = (await (await deps.reader.readUrl(fileUrl)).buffer()).toString('utf8');
  } catch (error) {
    if ((error as Error).name === 'NotAllowedError') throw error;
  }
  const entities = text
    ? parseEntityDocuments(text).flatMap(d =>
        'value' in d && isEntityLike(d.value) ? [d.value] : [],
      )
    : [];
  if (entities.length > 0) {
    const isRegistered = Boolean(await deps.locations.byKey('url', fileUrl));
    return {
      existingEntityFiles: entities.map(entity => ({
        entity,
        isRegistered,
        location: { type: 'url', target: fileUrl },
      })),
      generateEntities: [],
    };
  }
  const name =
    url.pathname
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/\.ya?ml$/i, '')
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 63) || url.hostname;
  return {
    existingEntityFiles: [],
    generateEntities: [
      {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name },
          spec: { type: 'other', lifecycle: 'unknown' },
        },
        fields: [
          {
            field: 'spec.owner',
            state: 'needsUserInput',
            value: null,
            description: 'Entity owner is recommended',
          },
        ],
      },
    ],
  };
}
