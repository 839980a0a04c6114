import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { startTestRootServer } from './testing/startTestRootServer';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

function get(url: string, agent: Agent | false = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', chunk => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, socket: req.socket! }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function tryConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

async function waitFor(condition: () => boolean) {
  while (!condition()) await new Promise(resolve => setTimeout(resolve, 5));
}

/** A plugin route that answers only once the test lets it. */
function gatedRoute() {
  let release!: () => void;
  const gate = new Promise<void>(resolve => (release = resolve));
  let arrived = 0;
  const router = Router();
  router.get('/slow', async (_req, res) => {
    arrived += 1;
    await gate;
    res.json({ done: true });
  });
  return { router, release, arrivedCount: () => arrived };
}

describe('graceful shutdown of the root HTTP server', () => {
  it('lets an in-flight request finish, refuses new connections, then completes', async () => {
    const server = await startTestRootServer({
      backend: { lifecycle: { serverShutdownTimeout: '30s' } },
    });
    await server.lifecycle.startup();
    const slow = gatedRoute();
    server.router.use('/api/slow', slow.router);

    // A keep-alive client: the server, not the client, must decide to close after the response.
    const agent = new Agent({ keepAlive: true });
    const inFlight = get(`${server.base}/api/slow/slow`, agent);
    await waitFor(() => slow.arrivedCount() === 1);

    let shutdownDone = false;
    const shutdown = server.lifecycle.shutdown().then(() => (shutdownDone = true));
    await waitFor(() => !server.server.listening);

    await expect(tryConnect(server.address.port)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(shutdownDone).toBe(false);

    slow.release();
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ done: true });
    expect(reply.headers.connection).toBe('close');
    await shutdown;
    expect(shutdownDone).toBe(true);
    agent.destroy();
  });

  it('turns readiness off while still serving during backend.lifecycle.serverShutdownDelay', async () => {
    const server = await startTestRootServer({
      backend: { lifecycle: { serverShutdownDelay: { milliseconds: 300 } } },
    });
    await server.lifecycle.startup();
    expect((await get(`${server.base}/.backstage/health/v1/readiness`)).status).toBe(200);

    const shutdown = server.lifecycle.shutdown();
    const during = await get(`${server.base}/.backstage/health/v1/readiness`);
    expect(during.status).toBe(503);
    expect(JSON.parse(during.body)).toEqual({
      message: 'Backend has not started yet',
      status: 'error',
    });
    await shutdown;
    expect(server.server.listening).toBe(false);
  });

  it('closes idle keep-alive connections instead of waiting for them to time out', async () => {
    const server = await startTestRootServer({
      backend: {
        server: { keepAliveTimeout: 60_000 },
        lifecycle: { serverShutdownTimeout: '60s' },
      },
    });
    const agent = new Agent({ keepAlive: true });
    try {
      const reply = await get(`${server.base}/.backstage/health/v1/liveness`, agent);
      expect(reply.status).toBe(200);
      let socketClosed = false;
      reply.socket.once('close', () => (socketClosed = true));
      expect(socketClosed).toBe(false);

      // If the idle socket were left open, this would wait 60 s and time the test out.
      await server.lifecycle.shutdown();
      await waitFor(() => socketClosed);
      expect(socketClosed).toBe(true);
    } finally {
      agent.destroy();
    }
  }, 10_000);

  it('cuts requests still running after backend.lifecycle.serverShutdownTimeout', async () => {
    const server = await startTestRootServer({
      backend: { lifecycle: { serverShutdownTimeout: 200 } },
    });
    const stuck = gatedRoute();
    server.router.use('/api/stuck', stuck.router);
    const inFlight = get(`${server.base}/api/stuck/slow`);
    await waitFor(() => stuck.arrivedCount() === 1);

    await server.lifecycle.shutdown();
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(server.lines.some(l => l.level === 'warn' && l.message.includes('200ms'))).toBe(true);
    stuck.release();
  });
});
