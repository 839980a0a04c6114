import type { Config, JsonObject } from '@greenroom/config';
import { NotAllowedError, NotFoundError } from '@greenroom/errors';
import type { UserIdentity } from '../identity/types';
import { builtInSignInResolvers } from './builtInResolvers';
import type {
  CatalogUserLookup,
  CatalogUserQuery,
  SignInInfo,
  SignInResolver,
  SignInResolverContext,
} from './types';

/** Runs the configured resolvers of one provider, in order, on what the provider returned. */
export type ResolveSignIn = (info: SignInInfo) => Promise<UserIdentity>;

function describeQuery(query: CatalogUserQuery): string {
  if ('entityRef' in query) return `'${query.entityRef}'`;
  const pairs = 'filter' in query ? query.filter : query.annotations;
  return Object.entries(pairs)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/** The sign-in resolvers known by name (built-in plus those modules registered) and the catalog seam. */
export class SignInResolverRegistry {
  readonly #resolvers = new Map<string, SignInResolver>(Object.entries(builtInSignInResolvers));
  #catalog: CatalogUserLookup | undefined;

  register(name: string, resolver: SignInResolver): void {
    if (!/^[a-z][a-z0-9]*$/i.test(name)) {
      throw new Error(`Invalid sign-in resolver name '${name}': use letters and digits`);
    }
    if (this.#resolvers.has(name)) {
      throw new Error(`A sign-in resolver named '${name}' is already registered`);
    }
    this.#resolvers.set(name, resolver);
  }

  setCatalogLookup(lookup: CatalogUserLookup): void {
    if (this.#catalog) throw new Error('A catalog lookup for sign-in is already installed');
    this.#catalog = lookup;
  }

  /**
   * Reads `signIn.resolvers` of a provider config (`[{ resolver: <name>, ...options }]`);
   * undefined when the provider has no `signIn`. Unknown names fail here, at startup.
   * `configKey` is where `config` sits (e.g. `auth.providers.oidc.development`), for messages.
   */
  fromConfig(providerId: string, config: Config, configKey: string): ResolveSignIn | undefined {
    const signIn = config.getOptionalConfig('signIn');
    if (!signIn) return undefined;
    const entries = signIn.getConfigArray('resolvers');
    if (entries.length === 0) {
      throw new Error(`No sign-in resolvers at '${configKey}.signIn.resolvers': list at least one`);
    }
    const chain = entries.map((entry, index) => {
      const name = entry.getString('resolver');
      const resolver = this.#resolvers.get(name);
      if (!resolver) {
        throw new Error(
          `Unknown sign-in resolver '${name}' at '${configKey}.signIn.resolvers[${index}].resolver'; known resolvers: ${[...this.#resolvers.keys()].join(', ')}`,
        );
      }
      const { resolver: _name, ...options } = entry.get<JsonObject>();
      return { name, resolver, options };
    });
    return async info => {
      const misses: string[] = [];
      for (const { name, resolver, options } of chain) {
        try {
          return await resolver(info, this.contextFor(providerId, name, options));
        } catch (error) {
          if ((error as Error)?.name !== 'NotFoundError') throw error;
          misses.push(`${name}: ${(error as Error).message}`);
        }
      }
      throw new NotAllowedError(
        `Failed to sign-in, unable to resolve user identity (${misses.join('; ')})`,
      );
    };
  }

  /** The context handed to a resolver; `name` (the resolver's) is only used in messages. */
  contextFor(providerId: string, name: string, options: JsonObject = {}): SignInResolverContext {
    const catalog = this.#catalog;
    return {
      providerId,
      options,
      catalog,
      async signInWithCatalogUser(query, fallbackOptions = {}) {
        const fallback = fallbackOptions.dangerouslyAllowSignInWithoutUserInCatalog
          ? fallbackOptions.fallbackEntityRef
          : undefined;
        const found = catalog ? await catalog.findUser(query) : undefined;
        if (found) return found;
        if (fallback) return { userEntityRef: fallback, ownershipEntityRefs: [fallback] };
        if (!catalog) {
          throw new NotAllowedError(
            `Sign-in resolver '${name}' of auth provider '${providerId}' needs the software catalog to find the user, but no catalog is installed; install the catalog, or set dangerouslyAllowSignInWithoutUserInCatalog: true on the resolver`,
          );
        }
        throw new NotFoundError(`no User entity in the catalog matches ${describeQuery(query)}`);
      },
    };
  }
}
