// Reads what flow/webMessageResponse.ts writes; kept beside it so the two change together.

/** The message the sign-in popup posts to its opener, read from the HTML. */
export function readPopupMessage(html: string): Record<string, unknown> {
  const match = /var message = (.*);\n/.exec(html);
  if (!match) throw new Error(`No popup message in: ${html.slice(0, 200)}`);
  return JSON.parse(match[1]) as Record<string, unknown>;
}
