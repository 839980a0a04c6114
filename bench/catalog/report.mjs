// Turns a catalog bench run into figures: a table on the console, with the issue's targets and
// Backstage's figures side by side, and rows for bench/RESULTS.md.
import { updateResultsSection } from '../lib/results.mjs';

/**
 * Backstage 1.55.0 on this machine, from the project's shared bench notes (create-app, Node 22,
 * SQLite in memory, dev mode; one run per size on a shared 2-core host, ±20–30 %). Times in ms,
 * memory in MiB. 50k was five files of 10k (one file of 50k never ingests on Backstage).
 */
export const BACKSTAGE = {
  source:
    "Backstage 1.55.0 on this machine, from the project's shared bench notes (create-app, Node 22, SQLite in memory, dev mode, one run per size, ±20–30 %)",
  1000: {
    allVisibleMs: 15_600,
    rssAfterIngest: 0.7 * 1024,
    p50: { 'by-query': 10, 'full-text': 5.2, 'by-name': 3.0, 'facets-type': 3.4, 'by-refs': 5.4 },
    p99: { 'by-query': 24 },
    rps: { 'by-query': 130 },
  },
  10000: {
    allVisibleMs: 164_000,
    rssAfterIngest: 1.7 * 1024,
    p50: { 'by-query': 38, 'full-text': 13.9, 'by-name': 5.3, 'facets-type': 5.7, 'by-refs': 6.8 },
    p99: { 'by-query': 59 },
    rps: { 'by-query': 28 },
  },
  50000: {
    allVisibleMs: 1_095_000,
    // Recorded as 3.6–4.2 GiB; the low end keeps the ratio conservative.
    rssAfterIngest: 3.6 * 1024,
    p50: { 'by-query': 206, 'full-text': 62, 'by-name': 16.3, 'facets-type': 21, 'by-refs': 21.7 },
    p99: {},
    rps: { 'by-query': 4 },
  },
};

/** The targets of issue #5 on this 2-core machine; `atN` limits a target to one catalog size. */
const TARGETS = {
  allVisibleMs: [
    { atN: 10_000, max: 10_000 },
    { atN: 100_000, max: 120_000 },
  ],
  // "RSS ≤ 400 MB", read as MiB like every memory figure in RESULTS.md; a ceiling at every size.
  rssAfterIngest: [{ max: 400 }],
  p99: {
    'by-query': [{ atN: 100_000, max: 25 }],
    'facets-type': [{ atN: 100_000, max: 50 }],
    'facets-tags': [{ atN: 100_000, max: 50 }],
    'by-refs': [{ atN: 100_000, max: 40 }],
  },
};

const ms = value => {
  if (value >= 1000)
    return `${(value / 1000).toFixed(value >= 100_000 ? 0 : value >= 10_000 ? 1 : 2)} s`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
};
const mib = value => `${value.toFixed(0)} MiB`;
const sizeLabel = n => n.toLocaleString('en-US');

/** `{ target, met }` for a figure: the target that applies at `n`, and whether it holds. */
function check(targets, n, value, format) {
  if (!targets) return { target: '', met: '' };
  const applies = targets.find(t => t.atN === undefined || t.atN === n);
  if (!applies) {
    const sizes = targets.map(t => `${format(t.max)} at ${sizeLabel(t.atN)}`).join('; ');
    return { target: `(${sizes})`, met: '' };
  }
  if (value === undefined || Number.isNaN(value))
    return { target: `≤ ${format(applies.max)}`, met: 'no figure' };
  return { target: `≤ ${format(applies.max)}`, met: value <= applies.max ? 'met' : 'MISSED' };
}

/** Backstage's figure and how many times better Greenroom is (lower is better unless `higher`). */
function versus(backstageValue, value, format, higher = false) {
  if (backstageValue === undefined || value === undefined || !value)
    return { backstage: '', ratio: '' };
  const ratio = higher ? value / backstageValue : backstageValue / value;
  return {
    backstage: format(backstageValue),
    ratio: `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}x`,
  };
}

const failureText = failures => {
  const entries = Object.entries(failures ?? {});
  return entries.length
    ? ` (failed: ${entries.map(([key, count]) => `${count}× ${key}`).join(', ')})`
    : '';
};

/** The figures of a run as rows: `{ label, value, target, met, backstage, ratio }`. */
export function figureRows(result) {
  const { n, ingest, memory, queries } = result;
  const backstage = BACKSTAGE[n];
  const rows = [];
  const add = (label, value, extra = {}) =>
    rows.push({ label, value, target: '', met: '', backstage: '', ratio: '', ...extra });

  const visible = ingest.complete ? ingest.allVisibleMs : undefined;
  add(
    `all ${sizeLabel(n)} queryable after`,
    ingest.complete
      ? ms(ingest.allVisibleMs)
      : `incomplete: ${ingest.visible} after ${ms(ingest.allVisibleMs)}`,
    {
      ...check(TARGETS.allVisibleMs, n, visible ?? Infinity, ms),
      ...versus(backstage?.allVisibleMs, visible, ms),
    },
  );
  add('ingest rate', visible ? `${((n / visible) * 1000).toFixed(0)} entities/s` : '');
  if (ingest.complete) {
    const stitched = ingest.relationsCompleteMs;
    add(
      'relation targets restitched after (sampled)',
      stitched === undefined ? 'not within the timeout' : ms(stitched),
      check(TARGETS.allVisibleMs, n, stitched ?? Infinity, ms),
    );
  }
  if (memory.afterIngest) {
    add('backend RSS after ingest', mib(memory.afterIngest.rss), {
      ...check(TARGETS.rssAfterIngest, n, memory.afterIngest.rss, mib),
      ...versus(backstage?.rssAfterIngest, memory.afterIngest.rss, mib),
    });
    add('backend peak RSS (VmHWM) during ingest', mib(memory.afterIngest.peak));
  }
  if (memory.afterQueries) add('backend RSS after the query phase', mib(memory.afterQueries.rss));
  for (const query of queries) {
    const { sequential: seq, concurrent: conc } = query;
    add(
      `${query.label}: p50 / p95 / p99`,
      `${ms(seq.p50)} / ${ms(seq.p95)} / ${ms(seq.p99)}${failureText(seq.failures)}`,
      {
        ...check(TARGETS.p99[query.id], n, seq.p99, ms),
        ...versus(backstage?.p50[query.id], seq.p50, ms),
      },
    );
    if (backstage?.p99[query.id] !== undefined) {
      add(
        `${query.label}: p99 vs Backstage`,
        ms(seq.p99),
        versus(backstage.p99[query.id], seq.p99, ms),
      );
    }
    add(
      `${query.label}: req/s at concurrency ${conc.concurrency}`,
      `${conc.rps.toFixed(0)} req/s, p95 ${ms(conc.p95)}${failureText(conc.failures)}`,
      versus(backstage?.rps[query.id], conc.rps, value => `${value} req/s`, true),
    );
  }
  return rows;
}

/** The run as a plain-text table for the console. */
export function formatTable(result) {
  const rows = figureRows(result);
  const columns = [
    ['figure', row => row.label],
    ['Greenroom', row => row.value],
    ['target', row => row.target],
    ['', row => row.met],
    ['Backstage', row => row.backstage],
    ['Greenroom ahead', row => row.ratio],
  ];
  const widths = columns.map(([title, cell]) =>
    Math.max(title.length, ...rows.map(row => cell(row).length)),
  );
  const line = cells =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map(([title]) => title)),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(row => line(columns.map(([, cell]) => cell(row)))),
  ].join('\n');
}

const describeSettings = ({ seq, warmup, conc, concCount, concSeconds }) =>
  `${seq} sequential requests per query after ${warmup} warm-up, ${concCount} (at most ${concSeconds} s) at concurrency ${conc}`;

/** `text` (bench/RESULTS.md) with this run's rows in the section of its database and size. */
export function recordResults(text, result) {
  const section = `## Catalog: ${sizeLabel(result.n)} entities on ${result.dbLabel}`;
  const date = new Date().toISOString().slice(0, 10);
  const intro = [
    `One file location of ${sizeLabel(result.n)} generated entities (~1.16 KB each: Groups, Users,`,
    'Systems, APIs, Components with their relations; the same entities as the shared anchor',
    'workload) registered on a fresh production backend, then 500 sequential requests per query',
    'and 2,000 (at most 20 s) at concurrency 16 (the `conditions` row says what ran). Measured by',
    `\`node bench/catalog/catalog.mjs --n ${result.n} --db ${result.db} --write\` after \`yarn build\`;`,
    'see bench/catalog/README.md. Backstage column: Backstage 1.55.0 on this machine, from the',
    "project's shared bench notes (create-app, Node 22, SQLite in memory, dev mode, one run per",
    'size, ±20–30 %). "Greenroom ahead" is how many times faster, smaller or higher Greenroom is.',
    "Targets are issue #5's; a target in parentheses applies at another size. Where a target is",
    'missed, the reason is written below the table.',
  ];
  const header = [
    '| Figure | Greenroom | Target | Met | Backstage 1.55.0 | Greenroom ahead | Measured |',
    '|---|---:|---|---|---:|---:|---|',
  ];
  const rows = [
    ...figureRows(result),
    {
      label: 'conditions',
      value: `${result.dbDescription}; ${describeSettings(result.settings)}; Node ${process.version}; load ${result.loadBefore} before, ${result.loadAfter} after`,
      target: '',
      met: '',
      backstage: '',
      ratio: '',
    },
  ];
  let updated = text;
  for (const row of rows) {
    const cells = [row.label, row.value, row.target, row.met, row.backstage, row.ratio, date];
    updated = updateResultsSection(updated, {
      section,
      intro,
      header,
      label: row.label,
      row: `| ${cells.map(cell => cell.replaceAll('|', '\\|')).join(' | ')} |`,
    });
  }
  return updated;
}
