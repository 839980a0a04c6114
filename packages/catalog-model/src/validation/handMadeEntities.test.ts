import { describe, expect, it } from 'vitest';
import { backstageAccepts } from './backstageVerdict.testutil';
import { validateEntity } from './validateEntity';

type Doc = Record<string, unknown>;

function component(patch: { metadata?: Doc; spec?: Doc; root?: Doc } = {}): Doc {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', ...patch.metadata },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...patch.spec },
    ...patch.root,
  };
}

function entity(kind: string, spec: unknown, apiVersion = 'backstage.io/v1alpha1'): Doc {
  return { apiVersion, kind, metadata: { name: 'x' }, spec };
}

function without(doc: Doc, path: string): Doc {
  const copy = structuredClone(doc);
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Doc>((node, key) => node[key] as Doc, copy);
  delete parent[last];
  return copy;
}

// [description, document, path of the expected error]
const invalid: Array<[string, unknown, string]> = [
  ['name of 64 characters', component({ metadata: { name: 'a'.repeat(64) } }), 'metadata.name'],
  ['name with a space', component({ metadata: { name: 'my svc' } }), 'metadata.name'],
  ['name starting with a dash', component({ metadata: { name: '-svc' } }), 'metadata.name'],
  ['name ending with a dot', component({ metadata: { name: 'svc.' } }), 'metadata.name'],
  ['name with a slash', component({ metadata: { name: 'a/b' } }), 'metadata.name'],
  ['name with a colon', component({ metadata: { name: 'a:b' } }), 'metadata.name'],
  ['empty name', component({ metadata: { name: '' } }), 'metadata.name'],
  ['missing name', without(component(), 'metadata.name'), 'metadata.name'],
  ['numeric name', component({ metadata: { name: 42 } }), 'metadata.name'],
  ['uppercase namespace', component({ metadata: { namespace: 'Default' } }), 'metadata.namespace'],
  [
    'namespace with underscore',
    component({ metadata: { namespace: 'my_ns' } }),
    'metadata.namespace',
  ],
  ['empty namespace', component({ metadata: { namespace: '' } }), 'metadata.namespace'],
  ['null namespace', component({ metadata: { namespace: null } }), 'metadata.namespace'],
  ['uppercase tag', component({ metadata: { tags: ['java', 'Java'] } }), 'metadata.tags.1'],
  ['tag with double dash', component({ metadata: { tags: ['a--b'] } }), 'metadata.tags.0'],
  ['tag with underscore', component({ metadata: { tags: ['a_b'] } }), 'metadata.tags.0'],
  ['tag with space', component({ metadata: { tags: ['foo bar'] } }), 'metadata.tags.0'],
  ['empty tag', component({ metadata: { tags: [''] } }), 'metadata.tags.0'],
  ['tag of 64 characters', component({ metadata: { tags: ['t'.repeat(64)] } }), 'metadata.tags.0'],
  ['numeric tag', component({ metadata: { tags: [5] } }), 'metadata.tags.0'],
  ['tags as a string', component({ metadata: { tags: 'java' } }), 'metadata.tags'],
  ['Component without spec.owner', without(component(), 'spec.owner'), 'spec.owner'],
  ['Component without spec.type', without(component(), 'spec.type'), 'spec.type'],
  ['empty spec.owner', component({ spec: { owner: '' } }), 'spec.owner'],
  ['numeric spec.type', component({ spec: { type: 3 } }), 'spec.type'],
  ['providesApis as a string', component({ spec: { providesApis: 'api-a' } }), 'spec.providesApis'],
  ['empty ref in dependsOn', component({ spec: { dependsOn: [''] } }), 'spec.dependsOn.0'],
  ['Component without spec', without(component(), 'spec'), 'spec'],
  ['spec as an array', component({ root: { spec: [] } }), 'spec'],
  ['spec null', component({ root: { spec: null } }), 'spec'],
  ['unknown root field', component({ root: { extra: true } }), 'extra'],
  ['relations from a file', component({ root: { relations: [] } }), 'relations'],
  ['status from a file', component({ root: { status: {} } }), 'status'],
  [
    'label key with a space',
    component({ metadata: { labels: { 'bad key': 'x' } } }),
    'metadata.labels.bad key',
  ],
  [
    'label key with two slashes',
    component({ metadata: { labels: { 'a/b/c': 'x' } } }),
    'metadata.labels.a/b/c',
  ],
  [
    'label key with uppercase prefix',
    component({ metadata: { labels: { 'Example.com/x': 'y' } } }),
    'metadata.labels.Example.com/x',
  ],
  [
    'label value with a space',
    component({ metadata: { labels: { team: 'has space' } } }),
    'metadata.labels.team',
  ],
  ['numeric label value', component({ metadata: { labels: { team: 1 } } }), 'metadata.labels.team'],
  ['labels as an array', component({ metadata: { labels: ['a'] } }), 'metadata.labels'],
  [
    'annotation key with empty name',
    component({ metadata: { annotations: { 'backstage.io/': 'x' } } }),
    'metadata.annotations.backstage.io/',
  ],
  [
    'annotation key with empty prefix',
    component({ metadata: { annotations: { '/name': 'x' } } }),
    'metadata.annotations./name',
  ],
  [
    'annotation key with a space',
    component({ metadata: { annotations: { 'my key': 'x' } } }),
    'metadata.annotations.my key',
  ],
  [
    'numeric annotation value',
    component({ metadata: { annotations: { 'example.com/n': 1 } } }),
    'metadata.annotations.example.com/n',
  ],
  [
    'link without url',
    component({ metadata: { links: [{ title: 'Docs' }] } }),
    'metadata.links.0.url',
  ],
  [
    'link with a relative url',
    component({ metadata: { links: [{ url: '/docs' }] } }),
    'metadata.links.0.url',
  ],
  [
    'link with a blank title',
    component({ metadata: { links: [{ url: 'https://a.example', title: '   ' }] } }),
    'metadata.links.0.title',
  ],
  [
    'link with an empty icon',
    component({ metadata: { links: [{ url: 'https://a.example', icon: '' }] } }),
    'metadata.links.0.icon',
  ],
  [
    'link with an empty type',
    component({ metadata: { links: [{ url: 'https://a.example', type: '' }] } }),
    'metadata.links.0.type',
  ],
  ['link that is null', component({ metadata: { links: [null] } }), 'metadata.links.0'],
  [
    'links as an object',
    component({ metadata: { links: { url: 'https://a.example' } } }),
    'metadata.links',
  ],
  ['empty title', component({ metadata: { title: '' } }), 'metadata.title'],
  ['numeric description', component({ metadata: { description: 42 } }), 'metadata.description'],
  ['empty uid', component({ metadata: { uid: '' } }), 'metadata.uid'],
  [
    'apiVersion with two slashes',
    component({ root: { apiVersion: 'backstage.io/v1/alpha' } }),
    'apiVersion',
  ],
  ['apiVersion with underscore', component({ root: { apiVersion: 'v1_alpha' } }), 'apiVersion'],
  [
    'apiVersion with bad prefix',
    component({ root: { apiVersion: 'Backstage.io/v1' } }),
    'apiVersion',
  ],
  ['missing apiVersion', without(component(), 'apiVersion'), 'apiVersion'],
  ['kind starting with a digit', component({ root: { kind: '1Component' } }), 'kind'],
  ['kind with a dash', component({ root: { kind: 'Comp-onent' } }), 'kind'],
  ['missing kind', without(component(), 'kind'), 'kind'],
  ['missing metadata', without(component(), 'metadata'), 'metadata'],
  ['metadata as a string', component({ root: { metadata: 'svc' } }), 'metadata'],
  [
    'API without definition',
    entity('API', { type: 'openapi', lifecycle: 'production', owner: 'a' }),
    'spec.definition',
  ],
  [
    'API with an object definition',
    entity('API', {
      type: 'openapi',
      lifecycle: 'p',
      owner: 'a',
      definition: { $text: './a.yaml' },
    }),
    'spec.definition',
  ],
  ['Group without children', entity('Group', { type: 'team' }), 'spec.children'],
  [
    'Group with empty profile email',
    entity('Group', { type: 'team', children: [], profile: { email: '' } }),
    'spec.profile.email',
  ],
  ['User with memberOf as a string', entity('User', { memberOf: 'team-a' }), 'spec.memberOf'],
  [
    'User without spec',
    { apiVersion: 'backstage.io/v1beta1', kind: 'User', metadata: { name: 'u' } },
    'spec',
  ],
  ['Location with unknown presence', entity('Location', { presence: 'maybe' }), 'spec.presence'],
  ['Location with numeric target', entity('Location', { target: 7 }), 'spec.target'],
  ['Resource without type', entity('Resource', { owner: 'a' }), 'spec.type'],
  ['System without owner', entity('System', { domain: 'd' }), 'spec.owner'],
  ['Domain without owner', entity('Domain', {}), 'spec.owner'],
  ['an array', [component()], ''],
  ['a string', 'apiVersion: backstage.io/v1alpha1', ''],
  ['null', null, ''],
];

const valid: Array<[string, unknown]> = [
  ['the base component', component()],
  ['one-letter name', component({ metadata: { name: 'a' } })],
  ['mixed-case name with separators', component({ metadata: { name: 'My.Svc_v2-x' } })],
  ['name of 63 characters', component({ metadata: { name: 'a'.repeat(63) } })],
  ['explicit namespace', component({ metadata: { namespace: 'my-ns' } })],
  ['tags with :+#', component({ metadata: { tags: ['c++', 'c#', 'k8s:prod', 'a-b-c'] } })],
  ['empty label value', component({ metadata: { labels: { 'example.com/team': '' } } })],
  [
    'prefixed annotation keys',
    component({ metadata: { annotations: { 'backstage.io/techdocs-ref': 'dir:.', plain: '' } } }),
  ],
  [
    'complete link',
    component({
      metadata: {
        links: [{ url: 'https://a.example/x', title: 'X', icon: 'dashboard', type: 'admin' }],
      },
    }),
  ],
  ['empty description', component({ metadata: { description: '' } })],
  [
    'extra metadata and spec fields',
    component({ metadata: { custom: { a: 1 } }, spec: { custom: true } }),
  ],
  ['v1beta1 component', component({ root: { apiVersion: 'backstage.io/v1beta1' } })],
  [
    'unknown kind without spec',
    { apiVersion: 'example.com/v1', kind: 'Environment', metadata: { name: 'dev' } },
  ],
  ['unknown kind with any spec', entity('Environment', { lifecycle: 3 })],
  [
    'lowercase component (not a built-in kind)',
    { apiVersion: 'backstage.io/v1alpha1', kind: 'component', metadata: { name: 'c' } },
  ],
  [
    'Component under a foreign apiVersion',
    { apiVersion: 'example.com/v2', kind: 'Component', metadata: { name: 'c' } },
  ],
  ['Location with empty spec', entity('Location', {})],
  ['Group with no children', entity('Group', { type: 'team', children: [] })],
  ['User with no groups', entity('User', { memberOf: [] })],
  [
    'Template not validated by catalog-model alone',
    {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't' },
      spec: { type: 'service', steps: [] },
    },
  ],
];

describe('hand-made entities: same verdict as @backstage/catalog-model', () => {
  it.each(invalid)('rejects %s with an error at its path', async (_name, doc, path) => {
    const result = validateEntity(doc);
    expect(result.valid).toBe(false);
    expect(await backstageAccepts(doc)).toBe(false);
    if (!result.valid) expect(result.errors.map(e => e.path)).toContain(path);
  });

  it.each(valid)('accepts %s', async (_name, doc) => {
    expect(validateEntity(doc)).toEqual({ valid: true });
    expect(await backstageAccepts(doc)).toBe(true);
  });
});
