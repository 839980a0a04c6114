import { request } from 'node:http';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { startUpstream } from './testing/upstream';

const TOTAL = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
// Everything runs in this process: buffering the body anywhere would retain ~100 MB or more.
// Typical readings are under 10 MB; the margin absorbs buffers V8 frees in the background.
const MAX_GROWTH = 50 * 1024 * 1024;

// Garbage from 100 MB of socket reads can reach tens of MB before V8 collects it, so memory is
// sampled right after a forced collection: what is measured is what is actually retained.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A 100 MB body produced on demand, so the test itself never holds it. */
function generatedBody(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= TOTAL) {
        this.push(null);
        return;
      }
      sent += CHUNK.length;
      this.push(CHUNK);
    },
  });
}

/** Counts bytes and drops them. */
function byteCounter(): Writable & { count: number } {
  const counter = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      counter.count += chunk.length;
      callback();
    },
  }) as Writable & { count: number };
  counter.count = 0;
  return counter;
}

function memoryInUse(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Samples memory while `work` runs; resolves to the largest growth over the starting point. */
async function peakGrowthDuring(work: () => Promise<void>): Promise<number> {
  const start = memoryInUse();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryInUse());
  }, 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, memoryInUse()) - start;
}

let upstream: Upstream;
let backend: TestBackend;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    if (req.method === 'POST') {
      const counter = byteCounter();
      void pipeline(req, counter).then(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ received: counter.count }));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    void pipeline(generatedBody(), res);
  });
  backend = await startProxyBackend({ endpoints: { '/bulk': upstream.url } });
});

afterAll(async () => {
  await backend?.stop();
  await upstream?.close();
});

describe('streaming', () => {
  it('streams a 100 MB upload to the upstream without buffering it', async () => {
    let received = -1;
    const growth = await peakGrowthDuring(async () => {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          `${backend.url}/api/proxy/bulk/upload`,
          { method: 'POST', headers: { ...AUTH, 'content-type': 'application/octet-stream' } },
          res => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', chunk => (text += chunk));
            res.on('end', () => resolve(text));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        generatedBody().pipe(req);
      });
      received = JSON.parse(body).received;
    });
    expect(received).toBe(TOTAL);
    // The upstream saw a chunked request, not one the proxy had measured by reading it all.
    expect(upstream.seen.at(-1)?.headers['content-length']).toBeUndefined();
    expect(growth).toBeLessThan(MAX_GROWTH);
  });

  it('streams a 100 MB download to the caller without buffering it', async () => {
    const counter = byteCounter();
    const growth = await peakGrowthDuring(async () => {
      await new Promise<void>((resolve, reject) => {
        const req = request(
          `${backend.url}/api/proxy/bulk/download`,
          { headers: { ...AUTH, 'accept-encoding': 'identity' } },
          res => {
            expect(res.statusCode).toBe(200);
            pipeline(res, counter).then(resolve, reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    });
    expect(counter.count).toBe(TOTAL);
    expect(growth).toBeLessThan(MAX_GROWTH);
  });
});
