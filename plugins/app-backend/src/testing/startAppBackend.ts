import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  createTestLogger,
  startTestBackend,
  type CapturedLogLine,
  type FeatureInput,
  type TestBackend,
} from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { authModuleGuestProvider } from '@greenroom/plugin-auth-backend-module-guest-provider';
import { authPlugin } from '@greenroom/plugin-auth-backend';
import { expect } from 'vitest';
import { createAppPlugin } from '../plugin';

export interface StartAppBackendOptions {
  /** The repository root whose workspace schemas decide what reaches the browser. */
  rootDir: string;
  config: JsonObject;
  /** When given, every log line of the backend is captured here. */
  lines?: CapturedLogLine[];
  /** Adds the real auth plugin with guest sign-in, for tests that need user tokens. */
  withGuestSignIn?: boolean;
}

/** A real backend (every default service, a real HTTP server) with only the app plugin. */
export function startAppBackend(options: StartAppBackendOptions): Promise<TestBackend> {
  const features: FeatureInput[] = [createAppPlugin({ rootDir: options.rootDir })];
  let config = options.config;
  if (options.withGuestSignIn) {
    features.push(authPlugin, authModuleGuestProvider);
    config = {
      ...config,
      auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
    };
  }
  const { lines } = options;
  if (lines) {
    features.push(
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => createTestLogger(lines),
      }),
    );
  }
  return startTestBackend({ features, config });
}

/** The backend's error JSON with the given status and error name. */
export async function expectJsonError(response: Response, status: number, name: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { name: string } };
  expect(body.error.name).toBe(name);
}

/** A full user token, the way the browser gets one: guest sign-in through the auth plugin. */
export async function signInAsGuest(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest/refresh?env=development`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}
