import type { TestBackend } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './testing/rawRequest';
import { expectJsonError, startAppBackend } from './testing/startAppBackend';
import { TEST_APP, writeSchemaRoot, writeTestApp } from './testing/testAppFiles';

// A real backend (every default service, a real HTTP server) serving a real temp build.

const HOSTILE_TITLE = 'Portal </script><script>window.pwned=1</script><!-- $& end';
const PUBLIC_NOTE = 'note </ScRiPt > visible-456';
const SECRET_TOKEN = 'SECRET-TOKEN-7f3a9c41';
const LEGACY_KEY_SECRET = 'bGVnYWN5LWtleS1zZWNyZXQtZDQ4Yg==';
const BACKEND_ONLY_URL = 'http://internal-only-host-88.example';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let files: Awaited<ReturnType<typeof writeTestApp>>;
let schemas: Awaited<ReturnType<typeof writeSchemaRoot>>;
const backends: TestBackend[] = [];

beforeAll(async () => {
  files = await writeTestApp();
  schemas = await writeSchemaRoot();
});

afterAll(async () => {
  await Promise.all(backends.map(backend => backend.stop()));
  await files?.cleanup();
  await schemas?.cleanup();
});

/** Config with a value of every visibility, declared by the real and the test schemas. */
function configWithEveryVisibility(distDir: string): JsonObject {
  return {
    app: { distDir, title: HOSTILE_TITLE },
    organization: { name: 'Org-Visible-123' },
    backend: { auth: { keys: [{ secret: LEGACY_KEY_SECRET }] } },
    appBackendTest: {
      publicNote: PUBLIC_NOTE,
      apiToken: SECRET_TOKEN,
      internalUrl: BACKEND_ONLY_URL,
    },
  };
}

async function start(config: JsonObject): Promise<TestBackend> {
  const backend = await startAppBackend({ rootDir: schemas.rootDir, config });
  backends.push(backend);
  return backend;
}

function configScripts(html: string): string[] {
  return [...html.matchAll(/<script type="greenroom\/config">([\s\S]*?)<\/script>/g)].map(
    match => match[1],
  );
}

describe('app plugin with a built app', () => {
  let url: string;
  beforeAll(async () => {
    url = (await start(configWithEveryVisibility(files.distDir))).url;
  });

  it.each(['/', '/index.html', '/settings', '/catalog/default/component/x', '/api/app/catalog'])(
    'GET %s returns index.html with the frontend config injected',
    async path => {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc123.js">');
      expect(html).not.toContain('placeholder');
      const scripts = configScripts(html);
      expect(scripts).toHaveLength(1);
      expect(JSON.parse(scripts[0])).toEqual([
        {
          context: 'app-backend',
          data: {
            app: { title: HOSTILE_TITLE },
            organization: { name: 'Org-Visible-123' },
            // From the test backend's defaults: the app's discoveryApi needs it.
            backend: { baseUrl: 'http://127.0.0.1' },
            appBackendTest: { publicNote: PUBLIC_NOTE },
          },
        },
      ]);
    },
  );

  it('serves client routes whose last segment has a dot (entity names) as the page', async () => {
    const response = await fetch(`${url}/catalog/default/component/my.service`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it.each(['/', '/catalog/default/component/x', '/api/app/settings'])(
    'never sends a secret or backend-only value (%s)',
    async path => {
      const response = await fetch(`${url}${path}`);
      const raw = `${JSON.stringify([...response.headers])}\n${await response.text()}`;
      for (const hidden of [SECRET_TOKEN, LEGACY_KEY_SECRET, BACKEND_ONLY_URL, files.distDir]) {
        expect(raw).not.toContain(hidden);
      }
    },
  );

  it('keeps </script> and <!-- inside config values from breaking out of the script', async () => {
    const html = await (await fetch(`${url}/`)).text();
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toMatch(/<\/script\s*>\s*<script>window/i);
    expect(html).not.toContain('<!-- $&');
    // The template's two script tags plus the config script: no value opened or closed one.
    expect(html.match(/<\/script\s*>/gi)).toHaveLength(2);
    expect(html.match(/<script\b/gi)).toHaveLength(2);
  });

  it('serves hashed assets with immutable caching and their content type', async () => {
    const js = await fetch(`${url}/assets/index-abc123.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(await js.text()).toBe(TEST_APP.js);

    const css = await fetch(`${url}/assets/style-def456.css`);
    expect(css.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toBe(TEST_APP.css);
  });

  it('answers a revalidation of an asset with 304', async () => {
    const first = await fetch(`${url}/assets/index-abc123.js`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await rawRequest(url, '/assets/index-abc123.js', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
  });

  it('serves unhashed files with a short max-age', async () => {
    const response = await fetch(`${url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=600');
    expect(response.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(TEST_APP.favicon);
  });

  it.each([
    '/assets/index-missing.js',
    '/assets/old-chunk-123.css',
    '/assets/',
    '/assets',
    '/missing.js',
    '/catalog/entity/chunk-abc.js',
    '/robots.txt',
  ])('answers a missing file %s with 404 JSON, never the page', async path => {
    const response = await fetch(`${url}${path}`);
    await expectJsonError(response, 404, 'NotFoundError');
  });

  it('answers HEAD like GET without a body', async () => {
    const [get, head] = await Promise.all([
      fetch(`${url}/settings`),
      fetch(`${url}/settings`, { method: 'HEAD' }),
    ]);
    const body = await get.text();
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');

    const asset = await fetch(`${url}/assets/index-abc123.js`, { method: 'HEAD' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await asset.text()).toBe('');

    const missing = await fetch(`${url}/assets/nope.js`, { method: 'HEAD' });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['/../secret.txt', 404],
    ['/assets/../../secret.txt', 404],
    ['/..%2fsecret.txt', 404],
    ['/..%2f..%2f..%2fetc%2fpasswd', 404],
    ['/%2e%2e/secret.txt', 404],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 404],
    ['/assets/..%5c..%5csecret.txt', 404],
    ['/api/app/..%2fsecret.txt', 404],
    ['/.env', 404],
    ['/assets/%00.js', 400],
    ['/%E0%A4%A', 400],
  ])('refuses %s with %i and leaks nothing', async (path, status) => {
    const response = await rawRequest(url, path);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).not.toContain(TEST_APP.outsideSecret);
    expect(response.body).not.toContain(TEST_APP.dotfileSecret);
    expect(response.body).not.toContain('<html');
  });

  it('leaves other methods to the root router', async () => {
    const response = await fetch(`${url}/settings`, { method: 'POST' });
    await expectJsonError(response, 404, 'NotFoundError');
  });

  it('does not answer other plugins’ paths: the root router gives 404 JSON', async () => {
    for (const path of ['/api/other-plugin/x', '/api/other-plugin', '/api/']) {
      const response = await fetch(`${url}${path}`);
      await expectJsonError(response, 404, 'NotFoundError');
    }
  });
});

describe('app plugin with app.disableConfigInjection', () => {
  it('serves index.html exactly as built, for / and client routes', async () => {
    const { url } = await start({
      ...configWithEveryVisibility(files.distDir),
      app: { distDir: files.distDir, title: HOSTILE_TITLE, disableConfigInjection: true },
    });
    for (const path of ['/', '/catalog/default/component/x']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(TEST_APP.indexHtml);
    }
  });
});
