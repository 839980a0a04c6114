import type { JsonValue } from './json';
import type { CatalogProcessorEmit } from './processor';

/** What a `$key: value` placeholder resolver is given (Backstage's `PlaceholderResolverParams`). */
export interface PlaceholderResolverParams {
  key: string;
  value: JsonValue;
  baseUrl: string;
  read(url: string): Promise<Buffer>;
  resolveUrl(url: string, base: string): string;
  emit: CatalogProcessorEmit;
}

/** Replaces the placeholder object with the returned value; throws to fail the entity. */
export type PlaceholderResolver = (params: PlaceholderResolverParams) => Promise<JsonValue>;

/** Unused by the engine directly; kept for modules that describe the location they read. */
