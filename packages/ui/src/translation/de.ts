import type { FlatMessages } from '@greenroom/frontend-plugin-api';
import type { uiMessages } from './messages';

// German, complete (the type says so). Small, so bundled rather than lazily loaded.
export const uiMessagesDe = {
  'progress.label': 'Wird geladen',
  'header.documentTitle': '{{title}} | {{appTitle}}',
  'errorPanel.title': 'Etwas ist schiefgelaufen',
  'errorPanel.retry': 'Erneut versuchen',
  'errorPanel.showDetails': 'Details anzeigen',
  'errorPanel.hideDetails': 'Details ausblenden',
  'link.newTab': '(öffnet in einem neuen Tab)',
} satisfies FlatMessages<typeof uiMessages>;
