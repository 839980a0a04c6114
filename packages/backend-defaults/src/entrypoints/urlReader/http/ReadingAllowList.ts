import { posix } from 'node:path';
import type { Config } from '@greenroom/config';
import { NotAllowedError } from '@greenroom/errors';
import { describeUrl } from '../describeUrl';

/** One `backend.reading.allow` entry. */
export interface ReadingAllowRule {
  /** `example.com`, `*.example.com` (subdomains only) or either with `:port`. */
  host: string;
  /** Path prefixes; `/docs` allows `/docs` and `/docs/...` but not `/docsecret`. */
  paths?: string[];
}

interface CompiledRule {
  hostname: string;
  subdomains: boolean;
  /** Undefined: only the scheme's default port. */
  port?: string;
  paths?: string[];
}

const HOST_RULE = /^(\*\.)?([^\s:[\]*/?#@\\%]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Which http(s) URLs may be read. Empty by default: nothing is reachable until an operator lists
 * hosts, so a catalog location cannot be used to probe the internal network.
 */
export class ReadingAllowList {
  /** Reads `backend.reading.allow`; throws naming the entry when one is malformed. */
  static fromConfig(config: Config): ReadingAllowList {
    const entries = config.getOptionalConfigArray('backend.reading.allow') ?? [];
    return new ReadingAllowList(
      entries.map((entry, index) => {
        const where = `backend.reading.allow[${index}]`;
        return compileRule(
          { host: entry.getString('host'), paths: entry.getOptionalStringArray('paths') },
          where,
        );
      }),
    );
  }

  static fromRules(rules: ReadingAllowRule[]): ReadingAllowList {
    return new ReadingAllowList(rules.map((rule, index) => compileRule(rule, `rule ${index}`)));
  }

  private constructor(private readonly rules: CompiledRule[]) {}

  isAllowed(url: URL): boolean {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const hostname = url.hostname.toLowerCase();
    const port = url.port || DEFAULT_PORTS[url.protocol];
    const path = normalizedPath(url.pathname);
    return this.rules.some(rule => {
      const hostMatches = rule.subdomains
        ? hostname.endsWith(`.${rule.hostname}`)
        : hostname === rule.hostname;
      if (!hostMatches) return false;
      if ((rule.port ?? DEFAULT_PORTS[url.protocol]) !== port) return false;
      if (!rule.paths) return true;
      return path !== undefined && rule.paths.some(prefix => hasPathPrefix(path, prefix));
    });
  }

  /** Throws NotAllowedError naming the URL (without credentials) unless it is allowed. */
  assertAllowed(url: URL, redirectedFrom?: URL): void {
    if (this.isAllowed(url)) return;
    const via = redirectedFrom ? ` (redirected from '${describeUrl(redirectedFrom)}')` : '';
    throw new NotAllowedError(
      `Reading from '${describeUrl(url)}'${via} is not allowed. Add its host to backend.reading.allow`,
    );
  }
}

function compileRule(rule: ReadingAllowRule, where: string): CompiledRule {
  const invalidHost = () =>
    new Error(
      `Invalid host '${rule.host}' in ${where}: use 'example.com', '*.example.com' or 'host:port'`,
    );
  const match = HOST_RULE.exec(typeof rule.host === 'string' ? rule.host : '');
  if (!match) throw invalidHost();
  const [, wildcard, name, port] = match;
  let hostname: string;
  try {
    // Through the URL parser so rule and request agree on case and punycode.
    hostname = new URL(`http://${name}`).hostname;
  } catch {
    throw invalidHost();
  }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new Error(`Invalid port in host '${rule.host}' in ${where}`);
  }
  for (const prefix of rule.paths ?? []) {
    if (!prefix.startsWith('/')) {
      throw new Error(`Invalid path '${prefix}' in ${where}.paths: paths must start with '/'`);
    }
  }
  return {
    hostname,
    subdomains: wildcard !== undefined,
    port: port === undefined ? undefined : String(Number(port)),
    paths: rule.paths?.map(prefix => posix.normalize(prefix)),
  };
}

/**
 * The path as the server will likely see it: percent-decoded and with `..` resolved, so
 * `/docs/..%2Fsecret` cannot pass as being under `/docs`. Undefined when it cannot be decoded.
 */
function normalizedPath(pathname: string): string | undefined {
  try {
    return posix.normalize(decodeURIComponent(pathname).replaceAll('\\', '/'));
  } catch {
    return undefined;
  }
}

function hasPathPrefix(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) return path.startsWith(prefix);
  return path === prefix || path.startsWith(`${prefix}/`);
}
