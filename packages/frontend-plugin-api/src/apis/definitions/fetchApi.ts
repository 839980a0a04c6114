import { createApiRef } from '../ApiRef';

/** `fetch` that adds the signed-in user's token to requests for the backend. */
export interface FetchApi {
  fetch: typeof fetch;
}

export const fetchApiRef = createApiRef<FetchApi>({ id: 'core.fetch' });
