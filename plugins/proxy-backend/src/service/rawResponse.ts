import type { OutgoingHttpHeaders } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** An HTTP/1.1 response head, for sockets taken over from the server by an `upgrade`. */
export function responseHead(statusCode: number, headers: OutgoingHttpHeaders): string {
  const lines = [`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Answers on a raw socket with a JSON body and closes it, fully: a websocket client that got a
 * refusal may keep its side open, which would keep the backend from ever shutting down.
 */
export function endWithJson(socket: Duplex, statusCode: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.once('finish', () => socket.destroy());
  socket.end(
    responseHead(statusCode, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      connection: 'close',
    }) + text,
  );
}
