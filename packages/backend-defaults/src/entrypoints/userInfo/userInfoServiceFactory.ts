import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { DefaultUserInfoService } from './DefaultUserInfoService';

/** `core.userInfo`: one instance (and one cache) for the whole backend. */
export const userInfoServiceFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { discovery: coreServices.discovery },
  createRootContext: () => ({ service: undefined as DefaultUserInfoService | undefined }),
  factory: ({ discovery }, shared) =>
    (shared.service ??= new DefaultUserInfoService({ discovery })),
});
