import type { Entity } from '@greenroom/catalog-model';
import type {
  AddLocationResponse,
  AnalyzeLocationResponse,
  CatalogApi,
} from '@greenroom/plugin-catalog-react';

/** What a file holds: entities, or a reason it cannot be read (as the backend words it). */
export type FakeFile = Entity[] | { unreadable: string; name?: string };

function backendError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function component(name: string, namespace?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: namespace ? { name, namespace } : { name },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/**
 * The two location endpoints the import page calls, answering as our catalog backend does
 * (plugins/catalog-backend/src/locations): analyze reads http(s) files only; a dry run returns
 * the generated Location entity plus the file's entities; registering twice is a 409.
 */
export function fakeImportCatalog(files: Record<string, FakeFile>) {
  const registered = new Set<string>();
  const calls: { method: 'analyzeLocation' | 'addLocation'; request: unknown }[] = [];
  const read = (target: string) => {
    const file = files[target];
    if (!file) throw backendError('NotFoundError', `Could not read url:${target}: NotFoundError`);
    if (!Array.isArray(file)) throw backendError(file.name ?? 'InputError', file.unreadable);
    return file;
  };

  const api: Pick<CatalogApi, 'analyzeLocation' | 'addLocation'> = {
    async analyzeLocation(request): Promise<AnalyzeLocationResponse> {
      calls.push({ method: 'analyzeLocation', request });
      const { target } = request.location;
      if (!/^https?:\/\//.test(target)) {
        throw backendError('InputError', 'The given location.target is not a URL');
      }
      const url = new URL(target);
      const fileUrl = /\.ya?ml$/i.test(url.pathname)
        ? target
        : new URL(request.catalogFilename ?? 'catalog-info.yaml', `${target.replace(/\/$/, '')}/`)
            .href;
      let entities: Entity[] = [];
      try {
        entities = read(fileUrl);
      } catch (error) {
        if ((error as Error).name === 'NotAllowedError') throw error;
      }
      return {
        existingEntityFiles: entities.map(entity => ({
          entity,
          isRegistered: registered.has(`url:${fileUrl}`),
          location: { type: 'url', target: fileUrl },
        })),
        generateEntities: entities.length > 0 ? [] : [{ entity: {}, fields: [] }],
      };
    },
    async addLocation(request): Promise<AddLocationResponse> {
      calls.push({ method: 'addLocation', request });
      const type = request.type ?? 'url';
      const key = `${type}:${request.target}`;
      const location = { id: 'loc-1', type, target: request.target };
      if (request.dryRun) {
        const root: Entity = {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'generated-abc', namespace: 'default' },
          spec: { type, target: request.target },
        };
        return { location, entities: [root, ...read(request.target)], exists: registered.has(key) };
      }
      if (registered.has(key)) {
        throw backendError('ConflictError', `Location ${key} already exists`);
      }
      registered.add(key);
      return { location, entities: [] };
    },
  };
  return { api, calls, registered };
}
