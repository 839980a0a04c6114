import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type PluginOption, type ResolvedConfig, type Plugin } from 'vite';

/** The public entry's fixed name, as in Backstage; its presence turns the public bundle on. */
export const PUBLIC_ENTRY = 'src/index-public-experimental.tsx';
/** Where in the build output the public bundle goes; the app backend looks there. */
export const PUBLIC_OUT_DIR = 'public';
const FULL_ENTRY = '/src/index.tsx';
const APP_MODE_META = 'greenroom-app-mode';
// Workspace libraries whose modules only declare things (plugins, refs, components): the
// public build may drop any of them it does not use. Without this, app-core's index pulls the
// home and settings pages into the sign-in bundle through the plugins it re-exports.
const DECLARATIVE_SOURCES =
  /[\\/]packages[\\/](app-core|ui|frontend-plugin-api|config)[\\/]src[\\/]/;

function withAppMode(html: string, mode: 'public' | 'protected'): string {
  const meta = `<meta name="${APP_MODE_META}" content="${mode}" />`;
  return html.replace(/<head(\s[^>]*)?>/i, match => `${match}\n    ${meta}`);
}

/** Marks the index.html of the public build and points its script at the public entry. */
function publicEntryPlugin(): Plugin {
  return {
    name: 'greenroom-public-entry',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(`src="${FULL_ENTRY}"`)) {
          throw new Error(`index.html must load ${FULL_ENTRY} for the public build to replace it`);
        }
        return withAppMode(html.replace(`src="${FULL_ENTRY}"`, `src="/${PUBLIC_ENTRY}"`), 'public');
      },
    },
  };
}

/**
 * When the app has `src/index-public-experimental.tsx`, a production build also builds it, as a
 * separate build into `dist/public/` (its own index.html and assets/, sharing no chunk with
 * the full app, so the sign-in page never loads protected code). The full app's index.html
 * is marked `protected`, so it keeps the app's cookie fresh and drops it on sign-out. The dev
 * server is untouched: it serves the full app as usual.
 *
 * `plugins` are the app's own Vite plugins, used for the public build too.
 */
export function publicBundlePlugin(options: { plugins: () => PluginOption[] }): Plugin {
  let config: ResolvedConfig | undefined;
  const hasPublicEntry = () => config !== undefined && existsSync(join(config.root, PUBLIC_ENTRY));

  return {
    name: 'greenroom-public-bundle',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: html => (hasPublicEntry() ? withAppMode(html, 'protected') : html),
    },
    async closeBundle() {
      if (!config || !hasPublicEntry()) return;
      const outDir = resolve(config.root, config.build.outDir, PUBLIC_OUT_DIR);
      config.logger.info(`\nBuilding the public sign-in bundle into ${outDir}`);
      await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: config.logLevel,
        base: config.base,
        plugins: [...options.plugins(), publicEntryPlugin()],
        build: {
          outDir,
          assetsDir: config.build.assetsDir,
          emptyOutDir: true,
          sourcemap: config.build.sourcemap,
          rolldownOptions: {
            treeshake: { moduleSideEffects: id => !DECLARATIVE_SOURCES.test(id) },
          },
        },
      });
    },
  };
}
