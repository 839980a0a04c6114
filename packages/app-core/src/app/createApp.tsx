import type { ComponentType } from 'react';
import { DefaultSignInPage } from '../auth/SignInPage/DefaultSignInPage';
import { AppRoot } from './AppRoot';
import type { CreateAppOptions } from './CreateAppOptions';
import { bootstrapApp } from './bootstrapApp';
import type { AppSetup } from './bootstrapApp';

/**
 * The app: render `<App />`. Config, APIs, route bindings and i18n are set up on first render;
 * a problem with any of them shows a page naming it instead of the app.
 */
export function createApp(options: CreateAppOptions = {}): ComponentType {
  let setup: AppSetup | undefined;
  const SignInPage = options.components?.SignInPage ?? DefaultSignInPage;
  return function App() {
    setup ??= bootstrapApp(options);
    return <AppRoot setup={setup} SignInPage={SignInPage} />;
  };
}
