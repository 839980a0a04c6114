/** The tabs an entity page shows, by kind; `path` is below the entity's URL. */
export type EntityTab = 'overview' | 'dependencies' | 'api' | 'definition';

export const TAB_PATHS: Record<EntityTab, string> = {
  overview: '',
  dependencies: 'dependencies',
  api: 'api',
  definition: 'definition',
};

export function tabsForKind(kind: string): EntityTab[] {
  switch (kind.toLocaleLowerCase('en-US')) {
    case 'component':
      return ['overview', 'api', 'dependencies'];
    case 'api':
      return ['overview', 'definition', 'dependencies'];
    case 'system':
    case 'resource':
    case 'domain':
      return ['overview', 'dependencies'];
    default:
      return ['overview'];
  }
}
