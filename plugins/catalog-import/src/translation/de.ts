import type { FlatMessages } from '@greenroom/frontend-plugin-api';
import type { catalogImportMessages } from './messages';

// German, complete (the type says so). Loaded on demand.
export const catalogImportMessagesDe = {
  'nav.title': 'Registrieren',
  'page.title': 'Vorhandene Komponente registrieren',
  'page.subtitle': 'Entitäten aus einer catalog-info.yaml-Datei in den Katalog aufnehmen',
  'page.steps': 'Importschritte',
  'steps.select': 'Ort auswählen',
  'steps.review': 'Entitäten prüfen',
  'steps.finish': 'Fertig',
  'form.title': 'Ort der Entitätsdatei',
  'form.description':
    'Geben Sie die URL einer catalog-info.yaml-Datei, des Ordners oder Repositorys mit einer solchen Datei oder den absoluten Pfad einer Datei auf dem Portalserver ein.',
  'form.label': 'URL oder Pfad',
  'form.placeholder': 'https://github.com/acme/shop/blob/main/catalog-info.yaml',
  'form.helper':
    'Zum Beispiel https://example.com/repo/catalog-info.yaml oder /srv/catalog/shop.yaml',
  'form.analyze': 'Analysieren',
  'form.analyzing': 'Wird analysiert…',
  'review.title': 'Gefundene Entitäten',
  'review.description':
    'Die Registrierung von {{target}} nimmt diese Entitäten in den Katalog auf:',
  'review.tableLabel': 'Entitäten am Ort',
  'review.kind': 'Art',
  'review.entity': 'Entität',
  'review.status': 'Status',
  'review.registered': 'Bereits registriert',
  'review.new': 'Neu',
  'review.allRegistered':
    'Dieser Ort ist bereits registriert. Seine Entitäten sind im Katalog und werden von selbst aktualisiert.',
  'review.register': 'Registrieren',
  'review.registering': 'Wird registriert…',
  'review.back': 'Zurück',
  'finish.title': 'Ort registriert',
  'finish.description':
    'Der Katalog liest {{target}}. Die Entitäten erscheinen in wenigen Sekunden im Katalog:',
  'finish.alreadyTitle': 'Bereits im Katalog',
  'finish.again': 'Weiteren Ort registrieren',
  'finish.entitiesLabel': 'Registrierte Entitäten',
  'errors.empty': 'Geben Sie eine URL oder einen absoluten Pfad ein.',
  'errors.notUrlOrPath':
    'Das ist weder eine URL noch ein absoluter Pfad. Geben Sie eine URL ein, die mit https:// oder http:// beginnt, oder einen Pfad, der mit / beginnt.',
  'errors.unsupportedProtocol':
    'Nur http://- und https://-URLs können registriert werden, keine {{protocol}}-URLs.',
  'errors.analyzeFailed': 'Der Ort konnte nicht analysiert werden',
  'errors.registerFailed': 'Der Ort konnte nicht registriert werden',
  'errors.noEntitiesTitle': 'Keine Entitäten gefunden',
  'errors.noEntities':
    'Unter {{target}} wurden keine Katalogentitäten gefunden. Prüfen Sie, ob die Datei existiert und eine gültige catalog-info.yaml ist: Jedes Dokument braucht apiVersion, kind und metadata.name.',
} satisfies FlatMessages<typeof catalogImportMessages>;
