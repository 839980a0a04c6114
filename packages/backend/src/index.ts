import { createBackend } from '@greenroom/backend-defaults';

// The deployable backend: wires plugins, nothing else. Plugins are added here as they land.
const backend = createBackend();

backend.start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Greenroom backend failed to start: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
