import { createBackend } from '@greenroom/backend-defaults';
import { appPlugin } from '@greenroom/plugin-app-backend';
import { authPlugin } from '@greenroom/plugin-auth-backend';
import { authModuleGuestProvider } from '@greenroom/plugin-auth-backend-module-guest-provider';
import { authModuleOidcProvider } from '@greenroom/plugin-auth-backend-module-oidc-provider';
import { catalogPlugin } from '@greenroom/plugin-catalog-backend';
import { proxyPlugin } from '@greenroom/plugin-proxy-backend';

// The deployable backend: wires plugins, nothing else.
const backend = createBackend();

backend.add(appPlugin);
backend.add(authPlugin);
backend.add(authModuleGuestProvider);
backend.add(authModuleOidcProvider);
backend.add(proxyPlugin);
backend.add(catalogPlugin);

backend.start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Greenroom backend failed to start: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
