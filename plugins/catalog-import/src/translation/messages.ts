/** English messages of the catalog import page. */
export const catalogImportMessages = {
  nav: {
    title: 'Register',
  },
  page: {
    title: 'Register an existing component',
    subtitle: 'Add entities to the catalog from a catalog-info.yaml file',
    steps: 'Import steps',
  },
  steps: {
    select: 'Select a location',
    review: 'Review the entities',
    finish: 'Finish',
  },
  form: {
    title: 'Location of the entity file',
    description:
      'Enter the URL of a catalog-info.yaml file, of the folder or repository that holds one, or the absolute path of a file on the portal server.',
    label: 'URL or path',
    placeholder: 'https://github.com/acme/shop/blob/main/catalog-info.yaml',
    helper: 'For example https://example.com/repo/catalog-info.yaml or /srv/catalog/shop.yaml',
    analyze: 'Analyze',
    analyzing: 'Analyzing…',
  },
  review: {
    title: 'Entities found',
    description: 'Registering {{target}} adds these entities to the catalog:',
    tableLabel: 'Entities in the location',
    kind: 'Kind',
    entity: 'Entity',
    status: 'Status',
    registered: 'Already registered',
    new: 'New',
    allRegistered:
      'This location is already registered. Its entities are in the catalog and are refreshed on their own.',
    register: 'Register',
    registering: 'Registering…',
    back: 'Back',
  },
  finish: {
    title: 'Location registered',
    description:
      'The catalog is reading {{target}}. Its entities appear in the catalog within a few seconds:',
    alreadyTitle: 'Already in the catalog',
    again: 'Register another',
    entitiesLabel: 'Registered entities',
  },
  errors: {
    empty: 'Enter a URL or an absolute path.',
    notUrlOrPath:
      'This is neither a URL nor an absolute path. Enter a URL starting with https:// or http://, or a path starting with /.',
    unsupportedProtocol: 'Only http:// and https:// URLs can be registered, not {{protocol}} URLs.',
    analyzeFailed: 'Could not analyze the location',
    registerFailed: 'Could not register the location',
    noEntitiesTitle: 'No entities found',
    noEntities:
      'No catalog entities were found at {{target}}. Check that the file exists and is a valid catalog-info.yaml: each document needs apiVersion, kind and metadata.name.',
  },
} as const;
