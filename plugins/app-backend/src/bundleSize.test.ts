import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// bench/bundle/size.mjs is a build tool outside the test roots: checked here by running it as
// the CI would, against a temp build.

const script = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'bench',
  'bundle',
  'size.mjs',
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runSize(args: string[]): Promise<Run> {
  return new Promise(resolve => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Totals {
  files: number;
  raw: number;
  gzip: number;
}

interface SizeReport {
  label: string;
  js: Totals;
  css: Totals;
  firstLoad: { js: Totals; css: Totals };
  largest: Array<{ file: string; raw: number; gzip: number }>;
}

let root: string;
let dist: string;
const content = {
  entry: `export const a = ${JSON.stringify('greenroom '.repeat(800))};\n`,
  lazy: `export const b = "${randomBytes(3000).toString('hex')}";\n`,
  vendor: `export const c = ${JSON.stringify('x'.repeat(200))};\n`,
  css: `.a { color: red; }\n`.repeat(100),
  publicJs: 'console.log("public bundle");\n',
};
const size = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bundle-size-'));
  dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, 'public', 'assets'), { recursive: true });
  await writeFile(
    join(dist, 'index.html'),
    '<!doctype html><html><head>' +
      '<script type="module" crossorigin src="/assets/index-aaa.js"></script>' +
      '<link rel="modulepreload" href="/assets/vendor-ddd.mjs">' +
      '<link rel="stylesheet" href="/assets/style-bbb.css">' +
      '<script src="https://cdn.example.com/other.js"></script>' +
      '</head><body></body></html>',
  );
  await writeFile(join(dist, 'assets', 'index-aaa.js'), content.entry);
  await writeFile(join(dist, 'assets', 'lazy-ccc.js'), content.lazy);
  await writeFile(join(dist, 'assets', 'vendor-ddd.mjs'), content.vendor);
  await writeFile(join(dist, 'assets', 'index-aaa.js.map'), '{"version":3}'.repeat(1000));
  await writeFile(join(dist, 'assets', 'style-bbb.css'), content.css);
  await writeFile(join(dist, 'favicon.ico'), randomBytes(500));
  await writeFile(join(dist, 'public', 'assets', 'sign-in.js'), content.publicJs);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('bench/bundle/size.mjs', () => {
  it('sums raw and gzip sizes of the JS and CSS, and of what index.html loads first', async () => {
    const run = await runSize([dist, '--json', '--exclude', 'public']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SizeReport;
    const [entry, lazy, vendor, css] = [
      content.entry,
      content.lazy,
      content.vendor,
      content.css,
    ].map(size);
    expect(report.label).toBe('app');
    expect(report.js).toEqual({
      files: 3,
      raw: entry.raw + lazy.raw + vendor.raw,
      gzip: entry.gzip + lazy.gzip + vendor.gzip,
    });
    expect(report.css).toEqual({ files: 1, ...css });
    expect(report.firstLoad.js).toEqual({
      files: 2,
      raw: entry.raw + vendor.raw,
      gzip: entry.gzip + vendor.gzip,
    });
    expect(report.firstLoad.css).toEqual({ files: 1, ...css });
    // Random hex compresses worst, so the lazy chunk is the largest once gzipped.
    expect(report.largest[0]).toEqual({ file: 'assets/lazy-ccc.js', ...lazy });
    expect(report.largest.map(m => m.file)).not.toContain('assets/index-aaa.js.map');
  });

  it('counts folders that are not excluded, and measures a sub-bundle on its own', async () => {
    const all = JSON.parse((await runSize([dist, '--json'])).stdout) as SizeReport;
    expect(all.js.files).toBe(4);
    const pub = JSON.parse(
      (await runSize([join(dist, 'public'), '--json', '--label', 'public'])).stdout,
    ) as SizeReport;
    expect(pub.label).toBe('public');
    expect(pub.js).toEqual({ files: 1, ...size(content.publicJs) });
    expect(pub.firstLoad.js.files).toBe(0);
  });

  it('prints a readable summary with the largest chunks', async () => {
    const run = await runSize([dist, '--top', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Frontend bundle "app"');
    expect(run.stdout).toMatch(/JS\s+4 files/);
    expect(run.stdout).toMatch(/CSS\s+1 file\b/);
    expect(run.stdout).toContain('assets/lazy-ccc.js');
    expect(run.stdout.match(/^\s+[\d.]+ kB\s+[\d.]+ kB\s+\S+$/gm)).toHaveLength(2);
  });

  it('records one row per bundle in RESULTS.md, replacing it on the next run', async () => {
    const results = join(root, 'RESULTS.md');
    const before = '# Benchmark results\n\nIntro.\n\n## Catalog ingestion\n\nSome figures.\n';
    await writeFile(results, before);

    const write = (label: string, dir = dist) =>
      runSize([dir, '--write', '--results', results, '--label', label, '--exclude', 'public']);
    expect((await write('app')).code).toBe(0);
    expect((await write('public', join(dist, 'public'))).code).toBe(0);
    expect((await write('app')).code).toBe(0);

    const text = await readFile(results, 'utf8');
    expect(text.startsWith(before)).toBe(true);
    expect(text.match(/^## Frontend bundle budget$/gm)).toHaveLength(1);
    const budget = text.slice(text.indexOf('## Frontend'), text.indexOf('## Lazily'));
    const rows = budget.split('\n').filter(line => /^\| (app|public) \|/.test(line));
    expect(rows).toHaveLength(2);
    const entryGzip = size(content.entry).gzip + size(content.vendor).gzip;
    expect(rows[0]).toContain(`| ${(entryGzip / 1000).toFixed(1)} kB |`);
    expect(rows[0]).toContain(`| ${process.version} |`);
    expect(rows[0]).toMatch(/\| \d{4}-\d{2}-\d{2} \|/);
    expect(rows[1]).toMatch(/^\| public \| 0\.0 kB \|/);
    // The lazy chunk (small, so summed rather than named) gets a row of its own section.
    const lazy = text.slice(text.indexOf('## Lazily loaded chunks'));
    const lazyGzip = (size(content.lazy).gzip / 1000).toFixed(1);
    expect(lazy).toContain(`| app | – | 1 chunk, ${lazyGzip} kB |`);
  });

  it('adds the section to a file that has none and keeps sections after it', async () => {
    const results = join(root, 'RESULTS-2.md');
    await writeFile(
      results,
      '# R\n\n## Frontend bundle budget\n\nHand-written note.\n\n## Later section\n\nKeep me.\n',
    );
    expect((await runSize([dist, '--write', '--results', results])).code).toBe(0);
    const text = await readFile(results, 'utf8');
    const budget = text.slice(text.indexOf('## Frontend'), text.indexOf('## Later section'));
    expect(budget).toContain('Hand-written note.');
    expect(budget).toMatch(/\| Bundle \|[\s\S]*\n\| app \|/);
    expect(text).toContain('## Later section\n\nKeep me.\n');
    expect(text.indexOf('## Later section')).toBeGreaterThan(text.indexOf('## Frontend'));
  });

  it('fails clearly without a build, or on a folder without JavaScript', async () => {
    const missing = await runSize([join(root, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no build at .*nope: run yarn build first/);

    const noJs = join(root, 'no-js');
    await mkdir(noJs);
    await writeFile(join(noJs, 'index.html'), '<html></html>');
    const empty = await runSize([noJs]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no JavaScript');

    const badTop = await runSize([dist, '--top', 'many']);
    expect(badTop.code).toBe(1);
    expect(badTop.stderr).toContain('--top');
  });
  it('measures a build with a public sign-in bundle as two bundles and records both', async () => {
    const withPublic = join(root, 'with-public');
    await mkdir(join(withPublic, 'assets'), { recursive: true });
    await mkdir(join(withPublic, 'public', 'assets'), { recursive: true });
    await writeFile(
      join(withPublic, 'index.html'),
      '<script type="module" src="/assets/index-aaa.js"></script>',
    );
    await writeFile(join(withPublic, 'assets', 'index-aaa.js'), content.entry);
    await writeFile(
      join(withPublic, 'public', 'index.html'),
      '<script type="module" src="/assets/sign-in-p.js"></script>',
    );
    await writeFile(join(withPublic, 'public', 'assets', 'sign-in-p.js'), content.publicJs);

    const run = await runSize([withPublic, '--json']);
    expect(run.code).toBe(0);
    const [app, pub] = JSON.parse(run.stdout) as SizeReport[];
    expect(app.label).toBe('app');
    expect(app.js).toEqual({ files: 1, ...size(content.entry) });
    expect(pub.label).toBe('public');
    expect(pub.firstLoad.js).toEqual({ files: 1, ...size(content.publicJs) });

    const text = await runSize([withPublic]);
    expect(text.stdout).toContain('Frontend bundle "public"');
    expect(text.stdout).toMatch(/Before sign-in a browser loads [\d.]+ kB of JS gzip \(public\)/);

    const results = join(root, 'RESULTS-3.md');
    await writeFile(results, '# R\n');
    expect((await runSize([withPublic, '--write', '--results', results])).code).toBe(0);
    const rows = (await readFile(results, 'utf8'))
      .split('\n')
      .filter(line => /^\| (app|public) \|/.test(line));
    expect(rows.map(row => row.split(' | ')[0])).toEqual(['| app', '| public']);
    expect(rows[1]).toContain(`| ${(size(content.publicJs).gzip / 1000).toFixed(1)} kB |`);

    // An explicit --label measures the folder as one bundle, as before.
    const one = JSON.parse((await runSize([withPublic, '--json', '--label', 'all'])).stdout);
    expect(one.js.files).toBe(2);
  });
});
