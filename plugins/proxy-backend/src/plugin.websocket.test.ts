import type { Duplex } from 'node:stream';
import type { TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { AUTH, TEST_TOKEN, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { closedPortUrl, startUpstream } from './testing/upstream';

let upstream: Upstream;
let backend: TestBackend;
const handshakes: Array<{ url: string; authorization?: string; cookie?: string }> = [];

beforeAll(async () => {
  upstream = await startUpstream((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('websocket only');
  });
  // An echo server on the upstream's HTTP server: every message comes back prefixed.
  const wss = new WebSocketServer({ server: upstream.server });
  wss.on('connection', (socket, req) => {
    handshakes.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
    });
    socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo:${data}`));
  });
  backend = await startProxyBackend({
    endpoints: {
      '/ws': upstream.url.replace('http:', 'ws:'),
      '/ws-forward': { target: upstream.url, credentials: 'forward' },
      '/ws-public': { target: upstream.url, credentials: 'dangerously-allow-unauthenticated' },
      '/ws-down': await closedPortUrl(),
    },
  });
});

afterAll(async () => {
  await backend?.stop();
  await upstream?.close();
});

function wsUrl(path: string): string {
  return `${backend.url.replace('http:', 'ws:')}/api/proxy${path}`;
}

/** Opens a socket; resolves once open, rejects with the handshake status when refused. */
function open(path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(path), { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', chunk => (body += chunk));
      res.on('end', () => reject(Object.assign(new Error(body), { status: res.statusCode, body })));
    });
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<string> {
  return new Promise(resolve => socket.once('message', data => resolve(String(data))));
}

describe('websockets', () => {
  it('echoes through a require endpoint, without forwarding the token', async () => {
    // The very first request to this backend: the plugin learned its server at startup.
    const socket = await open('/ws/chat?room=1', { ...AUTH, cookie: 'portal=1' });
    socket.send('hello');
    expect(await nextMessage(socket)).toBe('echo:hello');
    socket.send('again');
    expect(await nextMessage(socket)).toBe('echo:again');
    socket.close();
    expect(handshakes.at(-1)).toEqual({
      url: '/chat?room=1',
      authorization: undefined,
      cookie: undefined,
    });
  });

  it('carries binary frames unchanged', async () => {
    const socket = await open('/ws/bin', AUTH);
    const payload = Buffer.from([0, 1, 2, 250, 255]);
    const received = new Promise<Buffer>(resolve =>
      socket.once('message', data => resolve(data as Buffer)),
    );
    socket.send(payload);
    expect(Buffer.compare(await received, payload)).toBe(0);
    socket.close();
  });

  it('refuses a handshake without a token with 401 JSON', async () => {
    const before = handshakes.length;
    const refused = await open('/ws/chat').catch(
      (error: { status: number; body: string }) => error,
    );
    expect(refused).toMatchObject({ status: 401 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
      response: { statusCode: 401 },
    });
    expect(handshakes.length).toBe(before);
  });

  it('refuses an invalid token', async () => {
    const refused = await open('/ws/chat', { authorization: 'Bearer nope' }).catch(
      (error: { status: number }) => error,
    );
    expect(refused).toMatchObject({ status: 401 });
  });

  it('forwards the token for a forward endpoint', async () => {
    const socket = await open('/ws-forward/f', AUTH);
    socket.close();
    expect(handshakes.at(-1)).toMatchObject({ url: '/f', authorization: `Bearer ${TEST_TOKEN}` });
  });

  it('opens a public endpoint without a token', async () => {
    const socket = await open('/ws-public/p');
    socket.send('anon');
    expect(await nextMessage(socket)).toBe('echo:anon');
    socket.close();
  });

  it('answers 502 JSON when the upstream is down, and 404 for unknown routes', async () => {
    const down = await open('/ws-down/x', AUTH).catch(
      (error: { status: number; body: string }) => error,
    );
    expect(down).toMatchObject({ status: 502 });
    expect(JSON.parse((down as { body: string }).body).error.name).toBe('BadGatewayError');
    const unknown = await open('/nowhere', AUTH).catch((error: { status: number }) => error);
    expect(unknown).toMatchObject({ status: 404 });
  });

  it('relays the upstream refusal of an upgrade', async () => {
    const refusing = await startUpstream((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('no sockets here');
    });
    const other = await startProxyBackend({ endpoints: { '/r': refusing.url } });
    try {
      const socket = new WebSocket(`${other.url.replace('http:', 'ws:')}/api/proxy/r/x`, {
        headers: AUTH,
      });
      const status = await new Promise<number>((resolve, reject) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => reject(new Error('opened')));
        socket.once('error', reject);
      });
      expect(status).toBe(403);
    } finally {
      await other.stop();
      await refusing.close();
    }
  });

  it('still serves plain HTTP on a websocket endpoint', async () => {
    const res = await fetch(`${backend.url}/api/proxy/ws/plain`, { headers: AUTH });
    expect(res.status).toBe(426);
    expect(await res.text()).toBe('websocket only');
  });

  it('answers 504 when the upstream never completes the handshake', async () => {
    const silent = await startUpstream(() => {});
    const held: Duplex[] = [];
    silent.server.on('upgrade', (_req, socket: Duplex) => held.push(socket));
    const other = await startProxyBackend({
      endpoints: { '/s': { target: silent.url, timeout: 150 } },
    });
    try {
      const socket = new WebSocket(`${other.url.replace('http:', 'ws:')}/api/proxy/s/x`, {
        headers: AUTH,
      });
      const status = await new Promise<number>((resolve, reject) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => reject(new Error('opened')));
        socket.once('error', reject);
      });
      expect(status).toBe(504);
    } finally {
      await other.stop();
      for (const socket of held) socket.destroy();
      await silent.close();
    }
  });

  it('closes open sockets when the backend stops', async () => {
    const other = await startProxyBackend({ endpoints: { '/ws': upstream.url } });
    const socket = new WebSocket(`${other.url.replace('http:', 'ws:')}/api/proxy/ws/stop`, {
      headers: AUTH,
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise(resolve => socket.once('close', resolve));
    await other.stop();
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });
});
