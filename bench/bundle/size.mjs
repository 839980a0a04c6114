#!/usr/bin/env node
// The frontend bundle budget: raw and gzip size of the JS and CSS in a Vite build, the part
// index.html loads first, and the largest chunks. Dependency-free (node:zlib), so it runs on any
// checkout with Node.
//
//   node bench/bundle/size.mjs [distDir] [--label app] [--exclude public] [--top 5] [--json]
//                              [--write] [--results bench/RESULTS.md]
//
// distDir defaults to packages/app/dist. --write records the figures in the "Frontend bundle
// budget" section of bench/RESULTS.md (one row per --label, replaced on every run).
// A build with a public sign-in bundle (distDir/public/index.html) is measured as two bundles,
// "app" (without public/) and "public", unless --label or --exclude says what to measure.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { updateResultsSection } from '../lib/results.mjs';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTION = '## Frontend bundle budget';
/** Where the app's build puts the public sign-in bundle (see packages/app/vite.config.ts). */
const PUBLIC_DIR = 'public';
const JS = /\.(m?js)$/i;
const CSS = /\.css$/i;

function fail(message) {
  console.error(`bundle size: ${message}`);
  process.exit(1);
}

/** Every file under `dir`, as `/`-separated paths relative to it, minus excluded folders. */
function listFiles(dir, excluded, prefix = '') {
  const files = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!excluded.has(path)) files.push(...listFiles(dir, excluded, path));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files.sort();
}

/** Raw and gzip size of one file (zlib's default level, what HTTP compression typically uses). */
function measure(dir, file) {
  const content = readFileSync(join(dir, file));
  return { file, raw: content.length, gzip: gzipSync(content).length };
}

function total(measured) {
  return {
    files: measured.length,
    raw: measured.reduce((sum, m) => sum + m.raw, 0),
    gzip: measured.reduce((sum, m) => sum + m.gzip, 0),
  };
}

/** The JS and CSS files index.html references: what a first visit downloads before rendering. */
function firstLoadFiles(dir, files) {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) return [];
  const html = readFileSync(indexPath, 'utf8');
  const referenced = new Set();
  for (const match of html.matchAll(
    /<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi,
  )) {
    const url = match[1];
    if (/^[a-z]+:|^\/\//i.test(url)) continue; // another origin: not part of this bundle
    const path = url.split(/[?#]/)[0].replace(/^\.?\//, '');
    // The build may use a base path (`/portal/assets/x.js`): match on the file's own path.
    const file = files.find(candidate => path === candidate || path.endsWith(`/${candidate}`));
    if (file) referenced.add(file);
  }
  return [...referenced];
}

export function measureBundle(dir, { exclude = [], top = 5 } = {}) {
  const excluded = new Set(exclude.map(path => path.replace(/^\.?\/+|\/+$/g, '')));
  const files = listFiles(dir, excluded);
  const js = files.filter(file => JS.test(file)).map(file => measure(dir, file));
  const css = files.filter(file => CSS.test(file)).map(file => measure(dir, file));
  const first = new Set(firstLoadFiles(dir, files));
  return {
    js: total(js),
    css: total(css),
    firstLoad: {
      js: total(js.filter(m => first.has(m.file))),
      css: total(css.filter(m => first.has(m.file))),
    },
    largest: [...js, ...css]
      .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file))
      .slice(0, top),
    lazy: js.filter(m => !first.has(m.file)).sort((a, b) => b.gzip - a.gzip),
  };
}

/** `assets/EntityPage-BoD28FsP.js` → `EntityPage`: chunk names stay the same across builds. */
const chunkName = file => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.m?js$/, '');

const kB = bytes => `${(bytes / 1000).toFixed(1)} kB`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const BACKSTAGE_JS_GZIP = 3.67 * 1000 * 1000;

function report(label, shownDir, result) {
  const line = (name, t) =>
    `  ${name.padEnd(5)}${plural(t.files, 'file').padStart(9)}  ${kB(t.raw).padStart(10)} raw  ${kB(t.gzip).padStart(10)} gzip`;
  const lines = [
    `Frontend bundle "${label}" in ${shownDir}`,
    line('JS', result.js),
    line('CSS', result.css),
    `  First load (referenced by index.html): JS ${kB(result.firstLoad.js.gzip)} gzip ` +
      `(${kB(result.firstLoad.js.raw)} raw), CSS ${kB(result.firstLoad.css.gzip)} gzip`,
    `  Largest chunks (gzip / raw):`,
    ...result.largest.map(
      m => `    ${kB(m.gzip).padStart(10)}  ${kB(m.raw).padStart(10)}  ${m.file}`,
    ),
    // shared/bench: a Backstage 1.55.0 create-app ships 3.67 MB of gzipped JS on this machine.
    `  Backstage 1.55.0 create-app: ${kB(BACKSTAGE_JS_GZIP)} of JS gzip, ` +
      `${(BACKSTAGE_JS_GZIP / Math.max(1, result.js.gzip)).toFixed(1)}x this bundle's total`,
  ];
  return lines.join('\n');
}

const TABLE_HEADER = [
  '| Bundle | JS gzip, first load | JS gzip, total | JS raw, total | CSS gzip | Largest chunk (gzip) | Measured | Node |',
  '|---|---:|---:|---:|---:|---|---|---|',
];

function tableRow(label, result, date) {
  const largest = result.largest[0];
  const cells = [
    label,
    kB(result.firstLoad.js.gzip),
    kB(result.js.gzip),
    kB(result.js.raw),
    kB(result.css.gzip),
    largest ? `\`${largest.file}\` ${kB(largest.gzip)}` : '–',
    date,
    process.version,
  ];
  return `| ${cells.join(' | ')} |`;
}

const LAZY_SECTION = '## Lazily loaded chunks';
/** Lazy chunks smaller than this are summed, not listed, to keep the row readable. */
const LISTED_LAZY_GZIP = 5000;

/** One row naming the bundle's lazy chunks (page code, heavy renderers) and their gzip sizes. */
function updateLazyChunks(text, label, result, date) {
  const listed = result.lazy.filter(m => m.gzip >= LISTED_LAZY_GZIP);
  const rest = total(result.lazy.filter(m => m.gzip < LISTED_LAZY_GZIP));
  const cells = [
    label,
    listed.map(m => `${chunkName(m.file)} ${kB(m.gzip)}`).join(' · ') || '–',
    `${plural(rest.files, 'chunk')}, ${kB(rest.gzip)}`,
    date,
  ];
  return updateResultsSection(text, {
    section: LAZY_SECTION,
    intro: [
      'JS a page loads only when it is opened (React.lazy chunks), gzip, from the same',
      '`node bench/bundle/size.mjs --write`: catalog pages, the relations graph, the OpenAPI',
      'renderer and translations stay out of the first load.',
    ],
    header: [
      '| Bundle | Chunks of 5 kB gzip or more | Smaller chunks | Measured |',
      '|---|---|---|---|',
    ],
    label,
    row: `| ${cells.join(' | ')} |`,
  });
}

/** Puts `row` into the budget section of `text`: replaces the row of the same bundle, else adds it. */
export function updateResults(text, label, row) {
  return updateResultsSection(text, {
    section: SECTION,
    intro: [
      'Gzip sizes (zlib default level) of the production build, measured by',
      '`node bench/bundle/size.mjs --write` after `yarn build`. "First load" is the JS that',
      'index.html references; "total" adds every lazily loaded chunk. "public" is the sign-in',
      'bundle served before sign-in (packages/app/src/index-public-experimental.tsx), "app" the',
      'full app behind the cookie. For scale: a Backstage 1.55.0 create-app ships 3.67 MB of',
      'gzipped JS over 399 files (shared/bench).',
    ],
    header: TABLE_HEADER,
    label,
    row,
  });
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      label: { type: 'string' },
      exclude: { type: 'string', multiple: true, default: [] },
      top: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      results: { type: 'string', default: join(repoDir, 'bench', 'RESULTS.md') },
    },
  });
  if (positionals.length > 1) fail('give at most one dist directory');
  const dir = resolve(positionals[0] ?? join(repoDir, 'packages', 'app', 'dist'));
  const shownDir = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    fail(`no build at ${shownDir}: run yarn build first`);
  }
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 0) fail('--top must be a whole number');
  if (values.label !== undefined && (values.label.includes('|') || values.label.trim() === ''))
    fail('--label must be a name without |');

  const label = values.label ?? 'app';
  const bundles =
    values.label === undefined &&
    values.exclude.length === 0 &&
    existsSync(join(dir, PUBLIC_DIR, 'index.html'))
      ? [
          { label: 'app', dir, exclude: [PUBLIC_DIR] },
          { label: 'public', dir: join(dir, PUBLIC_DIR), exclude: [] },
        ]
      : [{ label, dir, exclude: values.exclude }];

  const results = bundles.map(bundle => {
    const result = measureBundle(bundle.dir, { exclude: bundle.exclude, top });
    const shown = relative(process.cwd(), bundle.dir) || '.';
    if (result.js.files === 0) fail(`no JavaScript in ${shown}: is it a frontend build?`);
    return { ...bundle, shown, result };
  });

  if (values.json) {
    const json = results.map(r => ({ label: r.label, dir: r.dir, ...r.result }));
    console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else {
    console.log(results.map(r => report(r.label, r.shown, r.result)).join('\n\n'));
    if (results.length === 2) {
      const [app, pub] = results.map(r => r.result.firstLoad.js.gzip);
      console.log(
        `\nBefore sign-in a browser loads ${kB(pub)} of JS gzip (public), ` +
          `${((pub / Math.max(1, app)) * 100).toFixed(0)}% of the full app's first load (${kB(app)}).`,
      );
    }
  }
  if (values.write) {
    const resultsPath = resolve(values.results);
    let text = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
    const date = new Date().toISOString().slice(0, 10);
    for (const r of results) text = updateResults(text, r.label, tableRow(r.label, r.result, date));
    for (const r of results.filter(r => r.result.lazy.length > 0)) {
      text = updateLazyChunks(text, r.label, r.result, date);
    }
    writeFileSync(resultsPath, text);
    const shownResults = relative(process.cwd(), resultsPath).split(sep).join('/');
    console.error(`Recorded ${results.map(r => `"${r.label}"`).join(' and ')} in ${shownResults}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
