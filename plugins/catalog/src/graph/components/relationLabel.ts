import type { TranslationFunction } from '@greenroom/frontend-plugin-api';
import type { catalogGraphMessages } from '../translation/messages';

type Messages = typeof catalogGraphMessages;

/** A built-in relation type in words; a custom type as the catalog names it. */
export function relationLabel(t: TranslationFunction<Messages>, type: string): string {
  switch (type) {
    case 'ownedBy':
    case 'partOf':
    case 'consumesApi':
    case 'providesApi':
    case 'dependsOn':
    case 'parentOf':
    case 'memberOf':
      return t(`relation.${type}`);
    default:
      return type;
  }
}

/** The label of a relation filter option (a forward type standing for its pair). */
export function relationFilterLabel(t: TranslationFunction<Messages>, type: string): string {
  switch (type) {
    case 'ownedBy':
    case 'partOf':
    case 'consumesApi':
    case 'providesApi':
    case 'dependsOn':
    case 'parentOf':
    case 'memberOf':
      return t(`relationFilter.${type}`);
    default:
      return type;
  }
}
