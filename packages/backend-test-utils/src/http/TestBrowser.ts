interface StoredCookie {
  value: string;
  path: string;
  expires: number | undefined;
}

/**
 * What a browser does that the tests need: keeps cookies per host (honouring Path, Max-Age and
 * Expires), sends them back, and lets redirects be followed one hop at a time.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, Map<string, StoredCookie>>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.#store(target, line);
    return response;
  }

  /** Follows redirects from `url` until a non-redirect answer or `stopAt` matches the next URL. */
  async follow(
    url: string,
    options: { stopAt?: (next: URL) => boolean; maxHops?: number } = {},
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    for (let hop = 0; hop < (options.maxHops ?? 20); hop++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { response, url: current };
      }
      const next = new URL(location, current);
      if (options.stopAt?.(next)) return { response, url: next.toString() };
      current = next.toString();
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  cookie(host: string, name: string): string | undefined {
    const cookie = this.#cookies.get(host)?.get(name);
    return cookie && !this.#expired(cookie) ? cookie.value : undefined;
  }

  setCookie(host: string, name: string, value: string, path = '/'): void {
    this.#jar(host).set(name, { value, path, expires: undefined });
  }

  cookieHeader(target: URL): string {
    const jar = this.#cookies.get(target.host);
    if (!jar) return '';
    return [...jar.entries()]
      .filter(([, c]) => !this.#expired(c) && pathMatches(c.path, target.pathname))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  #jar(host: string): Map<string, StoredCookie> {
    let jar = this.#cookies.get(host);
    if (!jar) this.#cookies.set(host, (jar = new Map()));
    return jar;
  }

  #expired(cookie: StoredCookie): boolean {
    return cookie.expires !== undefined && cookie.expires <= Date.now();
  }

  #store(target: URL, line: string): void {
    const [pair, ...attributes] = line.split(';').map(part => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expires: number | undefined;
    for (const attribute of attributes) {
      const [key, attrValue = ''] = attribute.split('=');
      const lower = key.toLowerCase();
      if (lower === 'path') path = attrValue;
      if (lower === 'max-age') expires = Date.now() + Number(attrValue) * 1000;
      if (lower === 'expires' && expires === undefined) expires = Date.parse(attrValue);
    }
    this.#jar(target.host).set(name, { value, path, expires });
  }
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  const prefix = cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`;
  return requestPath.startsWith(prefix);
}
