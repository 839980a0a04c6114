// The measurements of a catalog bench run, through the Backstage catalog API only: time until a
// registered file is fully queryable, latency and throughput of the standard queries, and the
// backend's RSS from /proc.
import http from 'node:http';
import https from 'node:https';
import { memoryMiB } from '../lib/process.mjs';
import { seededRandom, RUN_ANNOTATION } from './generate.mjs';

/**
 * A keep-alive HTTP client. node:http rather than fetch: fetch adds a client-side cost that is
 * large next to a 1-2 ms response and would be counted as server latency.
 */
export function createClient(base, token, maxSockets = 32) {
  const url = new URL(base);
  const transport = url.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets });
  const prefix = url.pathname.replace(/\/$/, '');
  const request = (method, path, body) =>
    new Promise((resolveResponse, reject) => {
      const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (data) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = data.length;
      }
      const req = transport.request(
        { hostname: url.hostname, port: url.port, method, path: prefix + path, headers, agent },
        res => {
          const chunks = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () =>
            resolveResponse({ status: res.statusCode, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(120_000, () => req.destroy(new Error('request timed out after 120 s')));
      req.end(data);
    });
  const json = async (method, path, body) => {
    const response = await request(method, path, body);
    if (response.status !== 200) {
      throw new Error(
        `${method} ${path}: ${response.status} ${response.body.toString().slice(0, 300)}`,
      );
    }
    return JSON.parse(response.body.toString());
  };
  return { request, json, close: () => agent.destroy() };
}

/** A user token from the guest provider (the app's own sign-in call). */
export async function guestToken(base) {
  const response = await fetch(`${base}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  }).catch(error => {
    throw new Error(`guest sign-in at ${base} failed: ${error.cause?.code ?? error.message}`);
  });
  if (response.status !== 200) {
    throw new Error(
      `guest sign-in failed: ${response.status} ${(await response.text()).slice(0, 300)}`,
    );
  }
  const body = await response.json();
  const token = body.backstageIdentity?.token;
  if (!token) throw new Error('guest sign-in returned no backstageIdentity.token');
  return token;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Registers `file` as one location and polls until `n` entities of the run are queryable.
 * Returns the registration time, the time until all were visible, and progress milestones.
 */
export async function ingest(
  client,
  { file, n, run, pid, pollMs = 250, timeoutMs = 1_800_000, onProgress = () => {} },
) {
  const countPath = `/api/catalog/entities/by-query?limit=1&filter=${encodeURIComponent(`metadata.annotations.${RUN_ANNOTATION}=${run}`)}`;
  const started = performance.now();
  const registered = await client.request('POST', '/api/catalog/locations', {
    type: 'file',
    target: file,
  });
  if (registered.status >= 300) {
    throw new Error(
      `registering the location failed: ${registered.status} ${registered.body.toString().slice(0, 500)}`,
    );
  }
  const registerMs = performance.now() - started;
  const milestones = {};
  let visible = 0;
  let pollErrors = 0;
  let peakRss = 0;
  while (performance.now() - started < timeoutMs) {
    const memory = memoryMiB(pid);
    if (memory) peakRss = Math.max(peakRss, memory.rss);
    const response = await client.request('GET', countPath).catch(() => undefined);
    if (response?.status === 200) {
      visible = Math.max(visible, JSON.parse(response.body.toString()).totalItems);
      for (const mark of [0.1, 0.5, 0.9, 1]) {
        if (visible >= mark * n && milestones[mark] === undefined) {
          milestones[mark] = performance.now() - started;
        }
      }
      if (visible >= n) break;
      onProgress(visible, performance.now() - started);
    } else {
      pollErrors++;
    }
    await sleep(pollMs);
  }
  return {
    startedAt: started,
    registerMs,
    complete: visible >= n,
    visible,
    allVisibleMs: performance.now() - started,
    milestones,
    pollErrors,
    sampledPeakRss: peakRss || undefined,
  };
}

/**
 * Polls `POST /entities/by-refs` until every `[targetRef, type, sourceRef]` triple is among the
 * target's relations: the catalog has then stitched the relation targets too (they lag behind
 * "queryable", see sampleReverseRelations). Returns the elapsed ms from `startedAt`, or
 * undefined on timeout.
 */
export async function waitForReverseRelations(
  client,
  triples,
  { startedAt, pollMs = 250, timeoutMs = 1_800_000 },
) {
  const targets = [...new Set(triples.map(([target]) => target))];
  while (performance.now() - startedAt < timeoutMs) {
    const response = await client.request('POST', '/api/catalog/entities/by-refs', {
      entityRefs: targets,
      fields: ['relations'],
    });
    if (response.status === 200) {
      const { items } = JSON.parse(response.body.toString());
      const present = new Set();
      items.forEach((item, i) => {
        for (const r of item?.relations ?? []) {
          present.add(`${targets[i]} ${r.type} ${r.targetRef.toLowerCase()}`);
        }
      });
      if (triples.every(([target, type, source]) => present.has(`${target} ${type} ${source}`))) {
        return performance.now() - startedAt;
      }
    }
    await sleep(pollMs);
  }
  return undefined;
}

/** The standard queries, each a generator of requests (deterministic for a given catalog). */
export function standardQueries(catalog) {
  const random = seededRandom(7);
  const anyOf = list => list[Math.floor(random() * list.length)];
  const term = encodeURIComponent(catalog.fullTextTerm);
  const get = path => () => ({ method: 'GET', path });
  return [
    {
      id: 'by-query',
      label: 'by-query kind=component, limit 20',
      next: get('/api/catalog/entities/by-query?filter=kind=component&limit=20'),
    },
    {
      id: 'full-text',
      label: 'by-query + fullTextFilterTerm',
      next: get(
        `/api/catalog/entities/by-query?filter=kind=component&limit=20&fullTextFilterTerm=${term}&fullTextFilterFields=metadata.name,metadata.title`,
      ),
    },
    {
      id: 'by-name',
      label: 'by-name (component)',
      next: () => ({
        method: 'GET',
        path: `/api/catalog/entities/by-name/component/default/${encodeURIComponent(anyOf(catalog.componentNames))}`,
      }),
    },
    {
      id: 'facets-type',
      label: 'entity-facets spec.type',
      next: get('/api/catalog/entity-facets?facet=spec.type'),
    },
    {
      id: 'facets-tags',
      label: 'entity-facets metadata.tags',
      next: get('/api/catalog/entity-facets?facet=metadata.tags'),
    },
    {
      id: 'by-refs',
      label: 'by-refs (100 refs)',
      next: () => ({
        method: 'POST',
        path: '/api/catalog/entities/by-refs',
        body: { entityRefs: Array.from({ length: 100 }, () => anyOf(catalog.refs)) },
      }),
    },
  ];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
  };
}

/** One request; a failure is counted with its status (or error code) instead of thrown. */
async function timed(client, query, failures) {
  const { method, path, body } = query.next();
  const started = performance.now();
  try {
    const response = await client.request(method, path, body);
    const ms = performance.now() - started;
    if (response.status !== 200) {
      const key = String(response.status);
      failures[key] = (failures[key] ?? 0) + 1;
    }
    return { ms, bytes: response.body.length };
  } catch (error) {
    const key = error.code ?? error.message;
    failures[key] = (failures[key] ?? 0) + 1;
    return undefined;
  }
}

/** `count` requests one after another, after `warmup` unmeasured ones. */
export async function sequential(client, query, { count = 500, warmup = 20 } = {}) {
  const failures = {};
  for (let i = 0; i < warmup; i++) await timed(client, query, {});
  const latencies = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const result = await timed(client, query, failures);
    if (result) {
      latencies.push(result.ms);
      bytes += result.bytes;
    }
  }
  return { ...summarise(latencies), failures, avgBytes: bytes / (latencies.length || 1) };
}

/** `concurrency` workers sharing up to `count` requests, stopped after `seconds`. */
export async function concurrent(
  client,
  query,
  { concurrency = 16, count = 2000, seconds = 20 } = {},
) {
  const failures = {};
  const latencies = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (issued < count && performance.now() < deadline) {
      issued++;
      const result = await timed(client, query, failures);
      if (result) latencies.push(result.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedS = (performance.now() - started) / 1000;
  return {
    concurrency,
    ...summarise(latencies),
    rps: latencies.length / elapsedS,
    elapsedS,
    failures,
  };
}
