import type { ComponentType } from 'react';
import type { RouteRef } from '../routing/types';
import type { TranslatedText } from '../translation/types';

/** An entry in the app's sidebar leading to a plugin page. */
export interface NavItemExtension {
  readonly $$type: '@greenroom/NavItemExtension';
  readonly routeRef: RouteRef;
  readonly title: TranslatedText<unknown>;
  readonly icon: ComponentType;
}

/** A sidebar item; `title` names a message of the plugin's translation ref. */
export function createNavItemExtension<M>(options: {
  routeRef: RouteRef;
  title: TranslatedText<M>;
  icon: ComponentType;
}): NavItemExtension {
  return {
    $$type: '@greenroom/NavItemExtension',
    routeRef: options.routeRef,
    title: options.title as TranslatedText<unknown>,
    icon: options.icon,
  };
}
