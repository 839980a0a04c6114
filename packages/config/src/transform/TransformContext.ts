/** What the config tree walker needs to know about where a value came from. */
export interface TransformContext {
  env: Readonly<Record<string, string | undefined>>;
  lax: boolean;
  /** Absolute path of the file the value came from; relative directive paths resolve from its directory. */
  file: string;
  /** How a file is named in messages (relative to the repository root when inside it). */
  displayPath(file: string): string;
  /** Absolute paths of the files being included, outermost first, to detect include cycles. */
  includeStack: readonly string[];
}
