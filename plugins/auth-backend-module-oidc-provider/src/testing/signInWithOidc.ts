import type { TestBrowser } from '@greenroom/backend-test-utils';

function formOf(html: string): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields[name] = value;
  }
  return { action: form[1].replace(/&amp;/g, '&'), fields };
}

/**
 * Plays the user in the identity provider's pages: from `url` (where the auth plugin sent the
 * browser), fills the login form as `login` and accepts consent, until the identity provider
 * redirects to a URL under `callbackPrefix`. Returns that callback URL.
 */
export async function signInAtIdentityProvider(
  browser: TestBrowser,
  url: string,
  login: string,
  callbackPrefix: string,
): Promise<string> {
  let next = url;
  for (let step = 0; step < 10; step++) {
    const { response, url: at } = await browser.follow(next, {
      stopAt: target => target.toString().startsWith(callbackPrefix),
    });
    if (at.startsWith(callbackPrefix)) return at;
    const html = await response.text();
    const form = formOf(html);
    if (response.status !== 200 || !form) {
      throw new Error(`Unexpected page at ${at} (${response.status}): ${html.slice(0, 300)}`);
    }
    const body = new URLSearchParams(form.fields);
    if (form.fields.prompt === 'login') {
      body.set('login', login);
      body.set('password', 'any password');
    }
    const submitted = await browser.fetch(new URL(form.action, at).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const location = submitted.headers.get('location');
    if (!location)
      throw new Error(`The ${form.fields.prompt} form did not redirect (${submitted.status})`);
    next = new URL(location, at).toString();
    if (next.startsWith(callbackPrefix)) return next;
  }
  throw new Error('Too many steps at the identity provider');
}
