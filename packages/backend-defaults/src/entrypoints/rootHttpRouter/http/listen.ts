import type { Server } from 'node:http';
import type { ListenOptions } from '../config/readListenOptions';

function describeListenError(error: NodeJS.ErrnoException, { host, port }: ListenOptions): Error {
  const where = host ? `${host}:${port}` : `port ${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new Error(`Port ${port} is already in use (backend.listen)`, { cause: error });
    case 'EACCES':
      return new Error(`Permission denied to listen on ${where} (backend.listen)`, {
        cause: error,
      });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(`Address ${host} is not available on this machine (backend.listen)`, {
        cause: error,
      });
    default:
      return new Error(`Unable to listen on ${where} (backend.listen): ${error.message}`, {
        cause: error,
      });
  }
}

/** Starts listening; rejects with one clear line (port in use, permission, unknown host). */
export function listen(server: Server, options: ListenOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(describeListenError(error, options));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: options.host || undefined, port: options.port });
  });
}
