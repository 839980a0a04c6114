import type { TranslationLoader } from './types';

type Loaded = Record<string, string> | { $$type: string; messages: Record<string, string> };

function messagesOf(value: unknown): Record<string, string> {
  const loaded = (
    value && typeof value === 'object' && 'default' in value ? value.default : value
  ) as Loaded | undefined;
  if (!loaded || typeof loaded !== 'object') return {};
  if ('$$type' in loaded && loaded.$$type === '@greenroom/TranslationMessages') {
    return { ...(loaded.messages as Record<string, string>) };
  }
  return Object.fromEntries(
    Object.entries(loaded).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Flat messages from a translation loader: messages, `createTranslationMessages`, or a lazy import. */
export async function resolveTranslationLoader<M>(
  loader: TranslationLoader<M>,
): Promise<Record<string, string>> {
  return messagesOf(typeof loader === 'function' ? await loader() : loader);
}

/** The messages of a loader that needs no loading, or undefined for a lazy one. */
export function resolveTranslationLoaderNow<M>(
  loader: TranslationLoader<M>,
): Record<string, string> | undefined {
  return typeof loader === 'function' ? undefined : messagesOf(loader);
}
