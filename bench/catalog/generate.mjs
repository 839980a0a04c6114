// The catalog workload: N deterministic entities (Groups in a 4-ary tree, Users, Systems, APIs
// with OpenAPI definitions, Components with owners, systems, provides/consumes/dependsOn, tags,
// labels, annotations and links; ~1.16 KB each). It follows the project's anchor workload draw
// for draw (same seeded generator, same mix, same shapes), so a file generated here is
// byte-identical to the one the anchor workload writes for the same N, and figures measured on
// it compare with Backstage's.
import { writeFileSync } from 'node:fs';

/** mulberry32: a tiny seeded PRNG, so every run of a given N produces the same catalog. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = text => text.split(' ');
const DOMAINS = words(
  'payments checkout search identity billing inventory shipping catalog analytics messaging ' +
    'pricing reviews recommendations fraud ledger notifications',
);
const NOUNS = words(
  'service gateway worker api processor engine store adapter scheduler indexer portal sync ' +
    'router cache exporter ingest',
);
const LANGUAGES = ['java', 'go', 'typescript', 'python', 'kotlin', 'rust', 'scala', 'csharp'];
const FIRST_NAMES = words(
  'alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert ' +
    'sybil trent victor walter yasmin',
);
const LAST_NAMES = words(
  'smith jones garcia miller davis lopez wilson anderson thomas taylor moore jackson martin ' +
    'lee perez thompson white harris clark lewis',
);
const WORDS = words(
  'handles requests for the platform and exposes a stable contract to downstream consumers while ' +
    'keeping latency low and availability high across regions with automated failover and ' +
    'observability built in it owns its data and publishes domain events for other teams to react ' +
    'to in near real time',
);
// Repeated values weight the draw (three services for every website or library).
const COMPONENT_TYPES = ['service', 'service', 'service', 'website', 'library'];
const LIFECYCLES = ['production', 'production', 'experimental', 'deprecated'];
const API_TYPES = ['openapi', 'openapi', 'openapi', 'asyncapi', 'graphql', 'grpc'];

/** The annotation that marks every entity of one run; ingestion is timed by counting it. */
export const RUN_ANNOTATION = 'bench.anchor/run';

const pad = (value, width = 5) => String(value).padStart(width, '0');
const capitalise = word => word[0].toUpperCase() + word.slice(1);

/**
 * The entities of a catalog of `n`, by kind: 3 % Groups, 15 % Users, 4 % Systems, 18 % APIs,
 * the rest Components. The order of random draws is part of the contract (see the file comment).
 */
export function generateCatalog(n, { seed = 42, run = `n${n}` } = {}) {
  const random = seededRandom(seed);
  const pick = list => list[Math.floor(random() * list.length)];
  const sentence = (min, max) => {
    const length = min + Math.floor(random() * (max - min));
    const words = Array.from({ length }, () => pick(WORDS));
    return `${capitalise(words.join(' '))}.`;
  };
  const counts = {
    groups: Math.max(1, Math.round(n * 0.03)),
    users: Math.max(1, Math.round(n * 0.15)),
    systems: Math.max(1, Math.round(n * 0.04)),
    apis: Math.max(1, Math.round(n * 0.18)),
  };
  counts.components = Math.max(1, n - counts.groups - counts.users - counts.systems - counts.apis);
  const annotations = () => ({ [RUN_ANNOTATION]: run });
  const anyOf = list => list[Math.floor(random() * list.length)].metadata.name;

  const groups = [];
  for (let i = 0; i < counts.groups; i++) {
    const domain = DOMAINS[i % DOMAINS.length];
    const name = `team-${domain}-${pad(i)}`;
    const parent = i === 0 ? undefined : groups[Math.floor((i - 1) / 4)].metadata.name;
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name,
        title: `Team ${domain} ${i}`,
        description: sentence(8, 20),
        annotations: annotations(),
      },
      spec: {
        type: i === 0 ? 'organization' : i < 5 ? 'department' : 'team',
        profile: { displayName: `Team ${domain} ${i}`, email: `${name}@example.com` },
        ...(parent ? { parent } : {}),
        children: [],
      },
    });
  }
  for (let i = 1; i < groups.length; i++) {
    groups[Math.floor((i - 1) / 4)].spec.children.push(groups[i].metadata.name);
  }

  const users = [];
  for (let i = 0; i < counts.users; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const name = `${first}.${last}.${pad(i)}`;
    const memberOf = [anyOf(groups)];
    if (random() < 0.2) {
      const second = anyOf(groups);
      if (second !== memberOf[0]) memberOf.push(second);
    }
    users.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, description: sentence(5, 12), annotations: annotations() },
      spec: {
        profile: {
          displayName: `${capitalise(first)} ${capitalise(last)}`,
          email: `${name}@example.com`,
          picture: `https://avatars.example.com/u/${i}.png`,
        },
        memberOf,
      },
    });
  }

  const systems = [];
  for (let i = 0; i < counts.systems; i++) {
    const domain = DOMAINS[i % DOMAINS.length];
    systems.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: `system-${domain}-${pad(i)}`,
        title: `${domain} system ${i}`,
        description: sentence(10, 25),
        tags: [domain],
        annotations: annotations(),
      },
      spec: { owner: `group:default/${groups[i % groups.length].metadata.name}` },
    });
  }

  const apis = [];
  for (let i = 0; i < counts.apis; i++) {
    const domain = pick(DOMAINS);
    const name = `${domain}-${pick(NOUNS)}-api-${pad(i)}`;
    const type = pick(API_TYPES);
    const paths = [];
    const pathCount = 3 + Math.floor(random() * 6);
    for (let p = 0; p < pathCount; p++) {
      const resource = pick(DOMAINS);
      paths.push(
        `  /${resource}/{id}:\n    get:\n      summary: Get ${resource} by id\n      operationId: get${resource}${p}\n` +
          `      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: {type: string}\n` +
          `      responses:\n        '200':\n          description: ${sentence(4, 10)}\n`,
      );
    }
    const definition = `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: 1.${i % 10}.0\n  description: ${sentence(6, 14)}\npaths:\n${paths.join('')}`;
    apis.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name,
        title: `${domain} API ${i}`,
        description: sentence(8, 20),
        tags: [domain, type],
        annotations: annotations(),
      },
      spec: {
        type,
        lifecycle: pick(LIFECYCLES),
        owner: `group:default/${anyOf(groups)}`,
        system: anyOf(systems),
        definition,
      },
    });
  }

  const components = [];
  for (let i = 0; i < counts.components; i++) {
    const domain = pick(DOMAINS);
    const language = pick(LANGUAGES);
    const name = `${domain}-${pick(NOUNS)}-${pad(i)}`;
    const owner = anyOf(groups);
    const provides = random() < 0.5 ? [anyOf(apis)] : [];
    const consumes = [];
    const consumeCount = Math.floor(random() * 3);
    for (let c = 0; c < consumeCount; c++) consumes.push(anyOf(apis));
    const dependsOn = [];
    if (i > 0) {
      const dependencyCount = Math.floor(random() * 3);
      for (let d = 0; d < dependencyCount; d++) {
        dependsOn.push(`component:default/${components[Math.floor(random() * i)].metadata.name}`);
      }
    }
    const tier = String(1 + (i % 3));
    components.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        title: `${domain} ${language} component ${i}`,
        description: sentence(12, 30),
        tags: [language, domain, `tier-${tier}`],
        labels: { tier, language },
        annotations: {
          ...annotations(),
          'github.com/project-slug': `example/${name}`,
          'backstage.io/techdocs-ref': 'dir:.',
          'pagerduty.com/service-id': `P${pad(i, 6)}`,
          'backstage.io/source-location': `url:https://git.example.com/example/${name}/`,
        },
        links: [
          {
            url: `https://dashboards.example.com/d/${name}`,
            title: 'Dashboard',
            icon: 'dashboard',
          },
          { url: `https://runbooks.example.com/${name}`, title: 'Runbook', icon: 'docs' },
        ],
      },
      spec: {
        type: pick(COMPONENT_TYPES),
        lifecycle: pick(LIFECYCLES),
        owner: `group:default/${owner}`,
        system: anyOf(systems),
        ...(provides.length ? { providesApis: [...new Set(provides)] } : {}),
        ...(consumes.length ? { consumesApis: [...new Set(consumes)] } : {}),
        ...(dependsOn.length ? { dependsOn: [...new Set(dependsOn)] } : {}),
      },
    });
  }
  return { groups, users, systems, apis, components };
}

const refOf = entity => `${entity.kind.toLowerCase()}:default/${entity.metadata.name}`;

/**
 * Writes the catalog of `n` to `file` as multi-document YAML (one JSON document per entity: valid
 * YAML, and fast for both sides to write and parse). Returns what the query phase needs.
 */
export function writeCatalogFile(file, n, options = {}) {
  const run = options.run ?? `n${n}`;
  const catalog = generateCatalog(n, { ...options, run });
  const all = [
    ...catalog.groups,
    ...catalog.users,
    ...catalog.systems,
    ...catalog.apis,
    ...catalog.components,
  ];
  const text = all.map(entity => `---\n${JSON.stringify(entity)}\n`).join('');
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  return {
    file,
    run,
    n: all.length,
    bytes,
    bytesPerEntity: bytes / all.length,
    counts: Object.fromEntries(Object.entries(catalog).map(([kind, list]) => [kind, list.length])),
    componentNames: catalog.components.map(entity => entity.metadata.name),
    refs: all.map(refOf),
    fullTextTerm: 'payments',
    reverseRelations: sampleReverseRelations(catalog.components),
  };
}

/**
 * Relations the catalog adds to *other* entities because of a component (its owner gains
 * `ownerOf`, its system `hasPart`, its APIs `apiProvidedBy`/`apiConsumedBy`, what it depends on
 * `dependencyOf`), for a seeded sample of components from the whole file: once all of them are
 * present, the catalog has restitched the relation targets, not only made every entity
 * queryable. `[targetRef, type, componentRef]` triples, lowercase like stored refs.
 */
export function sampleReverseRelations(components, sampleSize = 60) {
  const random = seededRandom(11);
  const triples = [];
  for (let i = 0; i < Math.min(sampleSize, components.length); i++) {
    const { metadata, spec } = components[Math.floor(random() * components.length)];
    const self = `component:default/${metadata.name}`;
    const ref = (kind, name) => (name.includes(':') ? name : `${kind}:default/${name}`);
    triples.push([spec.owner, 'ownerOf', self], [ref('system', spec.system), 'hasPart', self]);
    for (const api of spec.providesApis ?? [])
      triples.push([ref('api', api), 'apiProvidedBy', self]);
    for (const api of spec.consumesApis ?? [])
      triples.push([ref('api', api), 'apiConsumedBy', self]);
    for (const dep of spec.dependsOn ?? []) triples.push([dep, 'dependencyOf', self]);
  }
  return triples.map(([target, type, source]) => [
    target.toLowerCase(),
    type,
    source.toLowerCase(),
  ]);
}
