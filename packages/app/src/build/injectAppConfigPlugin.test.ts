import type { HtmlTagDescriptor, Logger, ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { injectAppConfigPlugin } from './injectAppConfigPlugin';

function run(
  command: 'build' | 'serve',
  load: () => Promise<never[] | { context: string; data: object }[]>,
) {
  const warnings: string[] = [];
  const plugin = injectAppConfigPlugin({ load: load as never });
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
  (plugin.configResolved as (config: ResolvedConfig) => void)({
    command,
    logger,
    root: '/app',
  } as ResolvedConfig);
  const transform = plugin.transformIndexHtml as () => Promise<HtmlTagDescriptor[]>;
  return { warnings, tags: transform() };
}

describe('injectAppConfigPlugin', () => {
  it('adds the config script to the head', async () => {
    const { tags } = run('serve', async () => [
      { context: 'app-config.yaml', data: { app: { title: 'X' } } },
    ]);
    expect(await tags).toEqual([
      {
        tag: 'script',
        attrs: { type: 'greenroom/config' },
        children: '[{"context":"app-config.yaml","data":{"app":{"title":"X"}}}]',
        injectTo: 'head',
      },
    ]);
  });

  it('fails the dev server on a config problem, so it is fixed at once', async () => {
    const { tags } = run('serve', async () => {
      throw new Error('app-config.yaml: bad');
    });
    await expect(tags).rejects.toThrow('app-config.yaml: bad');
  });

  it('builds with an empty config and a warning, since the backend injects its own', async () => {
    const { tags, warnings } = run('build', async () => {
      throw new Error('POSTGRES_HOST is not set');
    });
    expect((await tags)[0].children).toBe('[]');
    expect(warnings[0]).toContain('POSTGRES_HOST is not set');
  });
});
