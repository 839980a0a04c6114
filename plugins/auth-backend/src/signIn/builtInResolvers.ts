import { NotAllowedError, NotFoundError } from '@greenroom/errors';
import { isValidEntityName } from '../identity/entityRefs';
import type { SignInInfo, SignInResolver, SignInResolverContext } from './types';

interface CatalogOptions {
  allowedDomains: string[] | undefined;
  dangerouslyAllowSignInWithoutUserInCatalog: boolean;
}

function readOptions({ options }: SignInResolverContext): CatalogOptions {
  const { allowedDomains, dangerouslyAllowSignInWithoutUserInCatalog } = options;
  return {
    allowedDomains: Array.isArray(allowedDomains)
      ? allowedDomains.filter((d): d is string => typeof d === 'string').map(d => d.toLowerCase())
      : undefined,
    dangerouslyAllowSignInWithoutUserInCatalog: dangerouslyAllowSignInWithoutUserInCatalog === true,
  };
}

function requireEmail(
  info: SignInInfo,
  options: CatalogOptions,
): { local: string; domain: string } {
  const email = info.profile.email;
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at <= 0) {
    throw new NotFoundError('the user profile from the provider does not contain an email');
  }
  const domain = email.slice(at + 1).toLowerCase();
  if (options.allowedDomains && !options.allowedDomains.includes(domain)) {
    throw new NotAllowedError('Sign-in user email is not part of the allowed domains');
  }
  return { local: email.slice(0, at), domain };
}

function userRef(name: string, what: string): string {
  if (!isValidEntityName(name)) {
    throw new NotFoundError(`the ${what} '${name}' can not be a User entity name`);
  }
  return `user:default/${name}`;
}

/** The User entity whose `spec.profile.email` is the email (also without a `+tag`). */
export const emailMatchingUserEntityProfileEmail: SignInResolver = async (info, ctx) => {
  const options = readOptions(ctx);
  const { local, domain } = requireEmail(info, options);
  const plain = local.replace(/\+.*$/, '');
  const fallback = {
    fallbackEntityRef: userRef(plain, 'email local part'),
    dangerouslyAllowSignInWithoutUserInCatalog: options.dangerouslyAllowSignInWithoutUserInCatalog,
  };
  const email = info.profile.email!;
  if (plain === local || !ctx.catalog) {
    return ctx.signInWithCatalogUser({ filter: { 'spec.profile.email': email } }, fallback);
  }
  try {
    return await ctx.signInWithCatalogUser({ filter: { 'spec.profile.email': email } });
  } catch (error) {
    if ((error as Error).name !== 'NotFoundError') throw error;
    return ctx.signInWithCatalogUser(
      { filter: { 'spec.profile.email': `${plain}@${domain}` } },
      fallback,
    );
  }
};

/** The User entity named like the local part of the email (`jdoe+x@example.com` → `jdoe`). */
export const emailLocalPartMatchingUserEntityName: SignInResolver = async (info, ctx) => {
  const options = readOptions(ctx);
  const { local } = requireEmail(info, options);
  const entityRef = userRef(local.replace(/\+.*$/, ''), 'email local part');
  return ctx.signInWithCatalogUser(
    { entityRef },
    {
      fallbackEntityRef: entityRef,
      dangerouslyAllowSignInWithoutUserInCatalog:
        options.dangerouslyAllowSignInWithoutUserInCatalog,
    },
  );
};

/** The User entity named like the provider's user name. */
export const usernameMatchingUserEntityName: SignInResolver = async (info, ctx) => {
  const options = readOptions(ctx);
  if (!info.username) {
    throw new NotFoundError('the user profile from the provider does not contain a user name');
  }
  const entityRef = userRef(info.username, 'user name');
  return ctx.signInWithCatalogUser(
    { entityRef },
    {
      fallbackEntityRef: entityRef,
      dangerouslyAllowSignInWithoutUserInCatalog:
        options.dangerouslyAllowSignInWithoutUserInCatalog,
    },
  );
};

export const builtInSignInResolvers: Readonly<Record<string, SignInResolver>> = {
  emailMatchingUserEntityProfileEmail,
  emailLocalPartMatchingUserEntityName,
  usernameMatchingUserEntityName,
};
