import { InputError, NotFoundError } from '@greenroom/errors';

/** What a GET for a path inside the app may be answered with. */
export interface RequestedPath {
  /** The decoded path, `/`-separated, starting with `/`. */
  path: string;
  /** The page itself (`/` or `/index.html`): always the prepared index.html. */
  isIndex: boolean;
  /**
   * A file the browser loads, not a page: a miss is a 404, never index.html, so a missing
   * chunk fails loudly instead of being parsed as HTML.
   */
  isAsset: boolean;
}

// Extensions of files a built app contains. Only these make a path an asset: client routes may
// end in dotted names (an entity called `my.service`), and they must still get the page.
const ASSET_EXTENSIONS = new Set(
  [
    'js mjs cjs map css json wasm html htm txt xml webmanifest',
    'ico png jpg jpeg gif svg webp avif bmp',
    'woff woff2 ttf otf eot mp4 webm mp3 ogg wav pdf',
  ].flatMap(group => group.split(' ')),
);

/** The folder Vite writes hashed files to. */
export const ASSETS_DIR = 'assets';

function decodePath(rawPath: string): string {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new InputError('Malformed URL path');
  }
  if (path.includes('\0')) throw new InputError('Malformed URL path');
  return path;
}

/**
 * Decodes and checks a request path before anything touches the file system: `.`/`..` segments
 * (encoded or not) and dotfiles are a 404 whatever follows, malformed encoding is a 400.
 */
export function parseRequestPath(rawPath: string): RequestedPath {
  const path = decodePath(rawPath);
  // Backslashes are separators on Windows; treat them as such everywhere.
  const segments = path.split(/[/\\]/).filter(segment => segment !== '');
  if (segments.some(segment => segment.startsWith('.'))) {
    throw new NotFoundError('Not found');
  }
  const last = segments.at(-1) ?? '';
  const dot = last.lastIndexOf('.');
  const extension = dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  return {
    path: `/${segments.join('/')}`,
    isIndex: segments.length === 0 || (segments.length === 1 && last === 'index.html'),
    isAsset: segments[0]?.toLowerCase() === ASSETS_DIR || ASSET_EXTENSIONS.has(extension),
  };
}
