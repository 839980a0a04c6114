import { CompactSign, SignJWT } from 'jose';
import { normalizeEntityRef } from './entityRefs';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './SigningKeyStore';
import type { BackstageIdentityResponse, UserIdentity } from './types';
import type { UserInfoStore } from './UserInfoStore';

export const USER_TOKEN_TYPE = 'vnd.backstage.user';
export const LIMITED_USER_TOKEN_TYPE = 'vnd.backstage.limited-user';
export const USER_TOKEN_AUDIENCE = 'backstage';
const MAX_TOKEN_LENGTH = 32_768;

export interface TokenIssuerOptions {
  keys: SigningKeyStore;
  userInfo: UserInfoStore;
  /** `iss` of every token: the external base URL of the auth plugin. */
  issuer: () => Promise<string>;
  expirationSeconds: number;
  omitOwnershipClaim: boolean;
  now?: () => number;
}

/** Issues Greenroom user tokens (Backstage's format) and records each user's ownership refs. */
export class TokenIssuer {
  constructor(private readonly options: TokenIssuerOptions) {}

  async issueUserToken(identity: UserIdentity): Promise<BackstageIdentityResponse> {
    const sub = normalizeEntityRef(identity.userEntityRef);
    if (!sub) {
      throw new Error('"sub" claim provided by the auth resolver is not a valid EntityRef.');
    }
    const ent = normalizeOwnership(sub, identity.ownershipEntityRefs);
    const { kid, privateKey } = await this.options.keys.getSigningKey();
    const iat = Math.floor((this.options.now ?? Date.now)() / 1000);
    const exp = iat + this.options.expirationSeconds;

    // The identity proof: a limited token any backend can rebuild from `uip` and the claims,
    // so header and payload are serialized here in exactly the documented key order.
    const limited = await new CompactSign(
      new TextEncoder().encode(JSON.stringify({ sub, iat, exp })),
    )
      .setProtectedHeader({ typ: LIMITED_USER_TOKEN_TYPE, alg: SIGNING_ALGORITHM, kid })
      .sign(privateKey);
    const uip = limited.split('.')[2];

    const claims = this.options.omitOwnershipClaim
      ? { iss: await this.options.issuer(), sub, aud: USER_TOKEN_AUDIENCE, iat, exp, uip }
      : { iss: await this.options.issuer(), sub, ent, aud: USER_TOKEN_AUDIENCE, iat, exp, uip };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: USER_TOKEN_TYPE })
      .sign(privateKey);
    if (token.length > MAX_TOKEN_LENGTH) {
      throw new Error(
        `Failed to issue a user token: it would be ${token.length} characters, over the limit of ${MAX_TOKEN_LENGTH}; the sign-in resolver returned ${ent.length} ownership refs, check the resolver or the user's group memberships in the catalog`,
      );
    }
    await this.options.userInfo.save({ sub, ent });
    return {
      token,
      expiresInSeconds: exp - iat,
      identity: { type: 'user', userEntityRef: sub, ownershipEntityRefs: ent },
    };
  }
}

function normalizeOwnership(sub: string, refs: string[] | undefined): string[] {
  if (refs === undefined) return [sub];
  const result = new Set<string>();
  for (const ref of refs) {
    const normalized = typeof ref === 'string' ? normalizeEntityRef(ref) : undefined;
    if (!normalized) {
      throw new Error('An ownership ref provided by the auth resolver is not a valid EntityRef.');
    }
    result.add(normalized);
  }
  return [...result];
}
