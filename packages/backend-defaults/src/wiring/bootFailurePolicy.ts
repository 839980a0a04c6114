import type { Config } from '@greenroom/config';
import type { Unit } from './unit';

export type BootFailurePolicy = 'abort' | 'continue';

/** `abort` (default) or `continue`, per module, per plugin, or for all. */
export function bootFailurePolicy(config: Config | undefined, unit: Unit): BootFailurePolicy {
  const read = (key: string) => config?.getOptionalString(key) as BootFailurePolicy | undefined;
  if (unit.moduleId) {
    return (
      read(
        `backend.startup.plugins.${unit.pluginId}.modules.${unit.moduleId}.onPluginModuleBootFailure`,
      ) ??
      read('backend.startup.default.onPluginModuleBootFailure') ??
      'abort'
    );
  }
  return (
    read(`backend.startup.plugins.${unit.pluginId}.onPluginBootFailure`) ??
    read('backend.startup.default.onPluginBootFailure') ??
    'abort'
  );
}
