import { TestDatabases } from '@greenroom/backend-test-utils';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { migrateAuthDatabase } from '../database/migrations';
import { SigningKeyStore } from './SigningKeyStore';
import { TokenIssuer } from './TokenIssuer';
import { UserInfoStore } from './UserInfoStore';
import { verifyOwnUserToken } from './verifyOwnUserToken';

const databases = TestDatabases.create();
const HOUR = 3_600_000;
const ISSUER = 'https://portal.example.com/api/auth';

describe.each(databases.eachSupportedId())('signing keys and user tokens on %s', databaseId => {
  async function setup(options: { now?: () => number; omitOwnershipClaim?: boolean } = {}) {
    const knex = await databases.init(databaseId);
    await migrateAuthDatabase(knex);
    const keys = new SigningKeyStore(knex, { rotationIntervalMs: HOUR, now: options.now });
    const userInfo = new UserInfoStore(knex);
    const issuer = new TokenIssuer({
      keys,
      userInfo,
      issuer: async () => ISSUER,
      expirationSeconds: 3600,
      omitOwnershipClaim: options.omitOwnershipClaim ?? false,
      now: options.now,
    });
    return { knex, keys, userInfo, issuer };
  }

  it('rotates the key each interval, publishing the next one early and old ones for three intervals', async () => {
    let now = Date.UTC(2030, 0, 1);
    const { keys } = await setup({ now: () => now });
    const first = await keys.getSigningKey();
    expect((await keys.getSigningKey()).kid).toBe(first.kid);
    expect(await keys.listPublicKeys()).toHaveLength(1);

    // Five minutes before rotation the next key is published, but not used yet.
    now += HOUR - 5 * 60_000;
    expect((await keys.getSigningKey()).kid).toBe(first.kid);
    const published = (await keys.listPublicKeys()).map(k => k.kid);
    expect(published).toHaveLength(2);
    const nextKid = published.find(kid => kid !== first.kid);

    now += 5 * 60_000;
    const second = await keys.getSigningKey();
    expect(second.kid).toBe(nextKid);
    expect((await keys.listPublicKeys()).map(k => k.kid)).toEqual([second.kid, first.kid]);
    now += 2 * HOUR; // the first key is now exactly three intervals old: still published
    expect((await keys.listPublicKeys()).map(k => k.kid)).toContain(first.kid);
    now += 1;
    expect((await keys.listPublicKeys()).map(k => k.kid)).not.toContain(first.kid);
    expect((await keys.listPublicKeys()).map(k => k.kid)).toContain(second.kid);
  });

  it('gives concurrent callers at rotation time one new key', async () => {
    const { keys } = await setup();
    const kids = await Promise.all([
      keys.getSigningKey(),
      keys.getSigningKey(),
      keys.getSigningKey(),
    ]);
    expect(new Set(kids.map(k => k.kid)).size).toBe(1);
    expect(await keys.listPublicKeys()).toHaveLength(1);
  });

  it('issues tokens with normalized refs, stores user info, and verifies them against its keys', async () => {
    const { keys, issuer, userInfo } = await setup();
    const issued = await issuer.issueUserToken({
      userEntityRef: 'User:jdoe',
      ownershipEntityRefs: ['user:default/jdoe', 'Group:Default/team-a', 'group:default/team-a'],
    });
    expect(issued.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe', 'group:default/team-a'],
    });
    const { payload } = await jwtVerify(
      issued.token,
      createLocalJWKSet({ keys: await keys.listPublicKeys() }),
      {
        issuer: ISSUER,
        audience: 'backstage',
      },
    );
    expect(payload.ent).toEqual(['user:default/jdoe', 'group:default/team-a']);
    expect(await userInfo.get('user:default/jdoe')).toEqual({
      sub: 'user:default/jdoe',
      ent: ['user:default/jdoe', 'group:default/team-a'],
    });
    expect(await verifyOwnUserToken(issued.token, { keys, issuer: ISSUER })).toEqual({
      sub: 'user:default/jdoe',
      limited: false,
    });
    await expect(
      verifyOwnUserToken(issued.token, { keys, issuer: 'https://other/api/auth' }),
    ).rejects.toThrow('Invalid user token: invalid');
  });

  it('leaves ent out of the token when asked, keeping it in user info', async () => {
    const { issuer, userInfo } = await setup({ omitOwnershipClaim: true });
    const issued = await issuer.issueUserToken({ userEntityRef: 'user:default/jdoe' });
    expect(decodeJwt(issued.token)).not.toHaveProperty('ent');
    expect((await userInfo.get('user:default/jdoe'))?.ent).toEqual(['user:default/jdoe']);
  });

  it('refuses expired tokens', async () => {
    const { keys, issuer } = await setup({ now: () => Date.now() - 2 * HOUR });
    const issued = await issuer.issueUserToken({ userEntityRef: 'user:default/jdoe' });
    await expect(verifyOwnUserToken(issued.token, { keys, issuer: ISSUER })).rejects.toThrow(
      'Invalid user token: expired',
    );
  });

  it('refuses invalid refs and tokens over the size limit', async () => {
    const { issuer } = await setup();
    await expect(issuer.issueUserToken({ userEntityRef: 'jdoe' })).rejects.toThrow(
      '"sub" claim provided by the auth resolver is not a valid EntityRef.',
    );
    await expect(
      issuer.issueUserToken({
        userEntityRef: 'user:default/jdoe',
        ownershipEntityRefs: ['not a ref'],
      }),
    ).rejects.toThrow('An ownership ref provided by the auth resolver is not a valid EntityRef.');
    const groups = Array.from(
      { length: 1200 },
      (_, i) => `group:default/a-rather-long-group-name-${i}`,
    );
    await expect(
      issuer.issueUserToken({ userEntityRef: 'user:default/jdoe', ownershipEntityRefs: groups }),
    ).rejects.toThrow(/over the limit of 32768; the sign-in resolver returned 1200 ownership refs/);
  });
});
