import { createBackend } from '@greenroom/backend-defaults';
import { appPlugin } from '@greenroom/plugin-app-backend';

// The deployable backend: wires plugins, nothing else.
const backend = createBackend();

backend.add(appPlugin);

backend.start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Greenroom backend failed to start: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
