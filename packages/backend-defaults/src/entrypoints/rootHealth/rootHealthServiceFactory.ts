import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { createRootHealth } from './createRootHealth';

export const rootHealthServiceFactory = createServiceFactory({
  service: coreServices.rootHealth,
  deps: { lifecycle: coreServices.rootLifecycle },
  factory: ({ lifecycle }) => createRootHealth({ lifecycle }),
});
