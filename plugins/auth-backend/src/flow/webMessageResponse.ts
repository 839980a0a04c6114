import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { ClientAuthResponse } from './clientAuthResponse';

/** What the popup posts to the app window. */
export type WebMessage =
  | { type: 'authorization_response'; response: ClientAuthResponse }
  | { type: 'authorization_response'; error: { name: string; message: string } };

/** JSON that is safe inside a <script> element (cannot close it or start a comment). */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Ends a popup sign-in: an HTML page that tells its opener the target origin, posts the result
 * to the app's origin only, and closes itself. The inline script is allowed by its hash in the
 * Content-Security-Policy, and no other script may run.
 */
export function sendWebMessageResponse(
  res: Response,
  appOrigin: string,
  message: WebMessage,
): void {
  const script = `(function () {
  var origin = ${scriptSafeJson(appOrigin)};
  var message = ${scriptSafeJson(message)};
  var opener = window.opener;
  if (opener) {
    opener.postMessage({ type: 'config_info', targetOrigin: origin }, '*');
    opener.postMessage(message, origin);
  }
  setTimeout(function () { window.close(); }, 100);
})();`;
  const hash = createHash('sha256').update(script).digest('base64');
  res.status(200);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('X-Frame-Options', 'sameorigin');
  res.setHeader('Content-Security-Policy', `script-src 'sha256-${hash}'`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Signing in</title></head><body><script>${script}</script></body></html>\n`,
  );
}
