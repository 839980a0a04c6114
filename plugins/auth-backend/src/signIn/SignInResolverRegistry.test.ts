import { ConfigReader, type JsonObject } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { SignInResolverRegistry } from './SignInResolverRegistry';
import type { CatalogUserLookup, CatalogUserQuery, SignInInfo } from './types';

interface TestUser {
  name: string;
  email?: string;
  groups: string[];
}

/** A catalog of a few users, answering the queries the built-in resolvers make. */
function catalogOf(users: TestUser[], queries: CatalogUserQuery[] = []): CatalogUserLookup {
  return {
    async findUser(query) {
      queries.push(query);
      const user = users.find(u =>
        'entityRef' in query
          ? `user:default/${u.name}` === query.entityRef
          : 'filter' in query && u.email === query.filter['spec.profile.email'],
      );
      if (!user) return undefined;
      const ref = `user:default/${user.name}`;
      return { userEntityRef: ref, ownershipEntityRefs: [ref, ...user.groups] };
    },
  };
}

function resolverFor(registry: SignInResolverRegistry, resolvers: JsonObject[]) {
  const config = new ConfigReader({ signIn: { resolvers } });
  return registry.fromConfig('oidc', config, 'auth.providers.oidc.development')!;
}

const info = (profile: SignInInfo['profile'], username?: string): SignInInfo => ({
  profile,
  username,
  claims: {},
});

describe('sign-in resolvers', () => {
  it('without a catalog, refuses with a clear message unless the dangerous flag is set', async () => {
    const registry = new SignInResolverRegistry();
    for (const resolver of [
      'emailMatchingUserEntityProfileEmail',
      'emailLocalPartMatchingUserEntityName',
      'usernameMatchingUserEntityName',
    ]) {
      const strict = resolverFor(registry, [{ resolver }]);
      await expect(strict(info({ email: 'jdoe@example.com' }, 'jdoe'))).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: `Sign-in resolver '${resolver}' of auth provider 'oidc' needs the software catalog to find the user, but no catalog is installed; install the catalog, or set dangerouslyAllowSignInWithoutUserInCatalog: true on the resolver`,
      });
      const lax = resolverFor(registry, [
        { resolver, dangerouslyAllowSignInWithoutUserInCatalog: true },
      ]);
      expect(await lax(info({ email: 'jdoe+portal@example.com' }, 'jdoe'))).toEqual({
        userEntityRef: 'user:default/jdoe',
        ownershipEntityRefs: ['user:default/jdoe'],
      });
    }
  });

  it('finds users in the installed catalog, by email (also without +tag), email local part or user name', async () => {
    const registry = new SignInResolverRegistry();
    const queries: CatalogUserQuery[] = [];
    registry.setCatalogLookup(
      catalogOf(
        [{ name: 'jane', email: 'jane.doe@example.com', groups: ['group:default/team-a'] }],
        queries,
      ),
    );
    const byEmail = resolverFor(registry, [{ resolver: 'emailMatchingUserEntityProfileEmail' }]);
    expect(await byEmail(info({ email: 'jane.doe+portal@example.com' }))).toEqual({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
    });
    expect(queries).toEqual([
      { filter: { 'spec.profile.email': 'jane.doe+portal@example.com' } },
      { filter: { 'spec.profile.email': 'jane.doe@example.com' } },
    ]);
    const byLocalPart = resolverFor(registry, [
      { resolver: 'emailLocalPartMatchingUserEntityName' },
    ]);
    expect((await byLocalPart(info({ email: 'jane@elsewhere.org' }))).userEntityRef).toBe(
      'user:default/jane',
    );
    const byUsername = resolverFor(registry, [{ resolver: 'usernameMatchingUserEntityName' }]);
    expect((await byUsername(info({}, 'jane'))).userEntityRef).toBe('user:default/jane');
  });

  it('tries the next resolver on no match, and explains when none matched', async () => {
    const registry = new SignInResolverRegistry();
    registry.setCatalogLookup(catalogOf([{ name: 'jane', groups: [] }]));
    const chain = resolverFor(registry, [
      { resolver: 'emailMatchingUserEntityProfileEmail' },
      { resolver: 'usernameMatchingUserEntityName' },
    ]);
    // No email in the profile: the first resolver passes, the second matches by user name.
    expect((await chain(info({}, 'jane'))).userEntityRef).toBe('user:default/jane');
    await expect(chain(info({ email: 'who@example.com' }, 'who'))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Failed to sign-in, unable to resolve user identity (emailMatchingUserEntityProfileEmail: no User entity in the catalog matches spec.profile.email=who@example.com; usernameMatchingUserEntityName: no User entity in the catalog matches 'user:default/who')",
    });
  });

  it('enforces allowedDomains and refuses names that can not be entity names', async () => {
    const registry = new SignInResolverRegistry();
    const resolve = resolverFor(registry, [
      {
        resolver: 'emailLocalPartMatchingUserEntityName',
        allowedDomains: ['example.com'],
        dangerouslyAllowSignInWithoutUserInCatalog: true,
      },
    ]);
    await expect(resolve(info({ email: 'jdoe@evil.example' }))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'Sign-in user email is not part of the allowed domains',
    });
    expect((await resolve(info({ email: 'jdoe@EXAMPLE.com' }))).userEntityRef).toBe(
      'user:default/jdoe',
    );
    await expect(resolve(info({ email: 'j doe!@example.com' }))).rejects.toThrow(
      "the email local part 'j doe!' can not be a User entity name",
    );
  });

  it('runs custom resolvers by name with their options', async () => {
    const registry = new SignInResolverRegistry();
    registry.register('byDepartment', async (signInInfo, ctx) => ({
      userEntityRef: `user:${String(ctx.options.namespace)}/${signInInfo.username}`,
      ownershipEntityRefs: [`group:default/${String(signInInfo.claims.department)}`],
    }));
    const resolve = resolverFor(registry, [{ resolver: 'byDepartment', namespace: 'corp' }]);
    expect(
      await resolve({ profile: {}, username: 'jdoe', claims: { department: 'sales' } }),
    ).toEqual({
      userEntityRef: 'user:corp/jdoe',
      ownershipEntityRefs: ['group:default/sales'],
    });
    expect(() =>
      registry.register('byDepartment', async () => ({ userEntityRef: 'user:default/x' })),
    ).toThrow("A sign-in resolver named 'byDepartment' is already registered");
    expect(() =>
      registry.register('bad name', async () => ({ userEntityRef: 'user:default/x' })),
    ).toThrow("Invalid sign-in resolver name 'bad name'");
    expect(() => registry.setCatalogLookup(catalogOf([]))).not.toThrow();
    expect(() => registry.setCatalogLookup(catalogOf([]))).toThrow('already installed');
  });

  it('reads no resolver without signIn, and refuses an empty list naming the key', () => {
    const registry = new SignInResolverRegistry();
    expect(
      registry.fromConfig('oidc', new ConfigReader({}), 'auth.providers.oidc.development'),
    ).toBeUndefined();
    expect(() => resolverFor(registry, [])).toThrow(
      "No sign-in resolvers at 'auth.providers.oidc.development.signIn.resolvers': list at least one",
    );
  });
});
