import type { SortColumn } from './catalogFilters';

/** The columns after Name, by kind (Backstage's defaults). */
export function columnsForKind(kind: string): SortColumn[] {
  switch (kind) {
    case 'user':
      return ['name', 'description', 'tags'];
    case 'domain':
    case 'system':
      return ['name', 'owner', 'description', 'tags'];
    case 'group':
    case 'template':
      return ['name', 'type', 'description', 'tags'];
    default:
      return ['name', 'system', 'owner', 'type', 'lifecycle', 'description', 'tags'];
  }
}
