import type {
  RootHealthService,
  RootHealthServiceResponse,
  RootLifecycleService,
} from '@greenroom/backend-plugin-api';

const ok: RootHealthServiceResponse = { status: 200, payload: { status: 'ok' } };
const notReady: RootHealthServiceResponse = {
  status: 503,
  payload: { message: 'Backend has not started yet', status: 'error' },
};

/**
 * Ready between the root startup hooks and the start of shutdown. Create it before other root
 * hooks are added: its before-shutdown hook then runs first, so readiness is off before the HTTP
 * server starts draining.
 */
export function createRootHealth(options: { lifecycle: RootLifecycleService }): RootHealthService {
  let ready = false;
  options.lifecycle.addStartupHook(() => {
    ready = true;
  });
  options.lifecycle.addBeforeShutdownHook(() => {
    ready = false;
  });
  return {
    getLiveness: async () => ok,
    getReadiness: async () => (ready ? ok : notReady),
  };
}
