// Bundles the backend and the workspace packages it uses into one ESM file, so production starts
// without compiling TypeScript. Third-party packages stay external and load from node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: [join(here, 'src', 'index.ts')],
  outfile: join(here, 'dist', 'index.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-third-party',
      setup(b) {
        // Bare imports that are not ours resolve at runtime from node_modules.
        b.onResolve({ filter: /^[^./]/ }, args =>
          args.path.startsWith('@greenroom/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
console.log('Built packages/backend/dist/index.mjs');
