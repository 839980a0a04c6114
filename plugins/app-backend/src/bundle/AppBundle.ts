/**
 * One built frontend bundle as the backend serves it: the full app, or the public sign-in
 * bundle (`dist/public`), both served by the same router code.
 */
export interface AppBundle {
  /** Absolute path of the build output: index.html, assets/, and other static files. */
  dir: string;
  /** index.html as it is served (config injected), prepared once at startup. */
  indexHtml: Buffer;
}

/** Why a bundle could not be loaded; the backend keeps running and answers 503. */
export interface MissingAppBundle {
  /** The directory that was looked at, if one could be determined. */
  dir?: string;
  reason: string;
}
