import { formatBytes } from '../readLimits';

/**
 * Reads a response body into memory, refusing it as soon as it passes `maxBytes`. Counts the
 * decoded bytes, so a small compressed body that inflates past the limit is refused too.
 */
export async function readBoundedBody(
  response: Response,
  maxBytes: number,
  display: string,
): Promise<Buffer> {
  const tooLarge = (size: string) =>
    new Error(
      `Response from '${display}' is ${size}, more than the ${formatBytes(maxBytes)} read limit`,
    );
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(formatBytes(declared));
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`over ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
