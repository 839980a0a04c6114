import type { Config } from '@greenroom/config';

// Secret values of a loaded config, kept beside it (not in it) so the root logger can redact them.
const secretsByConfig = new WeakMap<Config, readonly string[]>();

export function setConfigSecrets(config: Config, secrets: readonly string[]): void {
  secretsByConfig.set(config, secrets);
}

/** The values at `secret` paths of the schema, or none for a config made by hand (tests). */
export function getConfigSecrets(config: Config): readonly string[] {
  return secretsByConfig.get(config) ?? [];
}
