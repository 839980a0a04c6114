import { CONFIG_SCRIPT_TYPE, serializeConfigLayers, type AppConfig } from '@greenroom/config';
import type { Logger, Plugin } from 'vite';
import { loadFrontendConfig } from './loadFrontendConfig';

/**
 * Puts the frontend config into index.html as `<script type="greenroom/config">`, in the dev
 * server (fresh on every page load) and in the build. In a build it is only the fallback: the
 * backend replaces it with its own config when it serves the page, so a config that cannot be
 * loaded at build time gives a warning and an empty config rather than a failed build.
 */
export function injectAppConfigPlugin(options: { load?: () => Promise<AppConfig[]> } = {}): Plugin {
  let command: 'build' | 'serve' = 'build';
  let logger: Logger | undefined;
  let root = process.cwd();
  const load = options.load ?? (() => loadFrontendConfig({ cwd: root }));

  return {
    name: 'greenroom-inject-app-config',
    configResolved(config) {
      command = config.command;
      logger = config.logger;
      root = config.root;
    },
    async transformIndexHtml() {
      let layers: AppConfig[];
      try {
        layers = await load();
      } catch (error) {
        if (command === 'serve') throw error;
        logger?.warn(
          `greenroom: app config not embedded in the build (${(error as Error).message}); the backend injects its own when serving`,
        );
        layers = [];
      }
      return [
        {
          tag: 'script',
          attrs: { type: CONFIG_SCRIPT_TYPE },
          children: serializeConfigLayers(layers),
          injectTo: 'head',
        },
      ];
    },
  };
}
