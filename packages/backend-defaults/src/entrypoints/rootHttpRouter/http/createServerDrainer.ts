import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { ServerShutdownOptions } from '../config/readHttpServerOptions';

/**
 * Graceful stop for a Node HTTP server. Create it before the app's request listener is attached,
 * so it sees every request first.
 */
export interface ServerDrainer {
  /**
   * Waits `delayMs`, stops accepting connections, closes idle keep-alive connections, lets
   * in-flight requests finish (their connections close after the response), and cuts what is
   * left after `timeoutMs`. Resolves once every connection is closed.
   */
  drain(options: ServerShutdownOptions): Promise<void>;
}

export function createServerDrainer(server: Server, logger: LoggerService): ServerDrainer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  // Upgraded sockets (websockets) leave HTTP's bookkeeping: server.close() would wait for them
  // forever, so the drain ends them once the in-flight requests are done.
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (_req, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });

  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // The connection that carried it may be idle now; let Node settle its state first.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  let drained: Promise<void> | undefined;
  const drain = async ({ delayMs, timeoutMs }: ServerShutdownOptions) => {
    if (delayMs > 0) await new Promise(resolve => setTimeout(resolve, delayMs));
    draining = true;
    for (const res of inFlight) {
      if (!res.headersSent) res.setHeader('connection', 'close');
    }
    if (inFlight.size > 0) {
      logger.info(`Stopping HTTP server; waiting for ${inFlight.size} in-flight request(s)`);
    }
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const socket of upgraded) socket.destroy();
    const force = setTimeout(() => {
      logger.warn(
        `Closing ${inFlight.size} request(s) still running after ${timeoutMs}ms ` +
          '(backend.lifecycle.serverShutdownTimeout)',
      );
      server.closeAllConnections();
    }, timeoutMs);
    try {
      await closed;
    } finally {
      clearTimeout(force);
    }
  };

  return { drain: options => (drained ??= drain(options)) };
}
