/**
 * A configuration file could not be loaded. The message is one line that names the file (and the
 * key when there is one) and never contains a config value, so callers can print it and exit.
 */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';

  constructor(
    message: string,
    /** The file the problem is in, as shown in the message. */
    readonly file?: string,
    /** The key path the problem is at, when there is one. */
    readonly key?: string,
  ) {
    super(message);
  }

  /** Builds the standard `<file>: <key>: <problem>` message. */
  static at(file: string, key: string | undefined, problem: string): ConfigLoadError {
    return new ConfigLoadError(
      key ? `${file}: ${key}: ${problem}` : `${file}: ${problem}`,
      file,
      key,
    );
  }
}
