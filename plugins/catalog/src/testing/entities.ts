import type { Entity } from '@greenroom/catalog-model';

/** A component with the relations the catalog would stitch for it. */
export function component(
  name: string,
  extra: {
    type?: string;
    owner?: string;
    lifecycle?: string;
    tags?: string[];
    namespace?: string;
    system?: string;
    description?: string;
    annotations?: Record<string, string>;
    relations?: { type: string; targetRef: string }[];
  } = {},
): Entity {
  const owner = extra.owner ?? 'group:default/team-a';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: extra.namespace ?? 'default',
      uid: `uid-${name}`,
      description: extra.description ?? `The ${name} service`,
      tags: extra.tags ?? [],
      annotations: extra.annotations ?? {},
    },
    spec: {
      type: extra.type ?? 'service',
      lifecycle: extra.lifecycle ?? 'production',
      owner,
      ...(extra.system ? { system: extra.system } : {}),
    },
    relations: [
      { type: 'ownedBy', targetRef: owner },
      ...(extra.system ? [{ type: 'partOf', targetRef: `system:default/${extra.system}` }] : []),
      ...(extra.relations ?? []),
    ],
  };
}

export function group(name: string, members: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', uid: `uid-group-${name}` },
    spec: { type: 'team', children: [] },
    relations: members.map(m => ({ type: 'hasMember', targetRef: `user:default/${m}` })),
  };
}

export function user(name: string, groups: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', uid: `uid-user-${name}` },
    spec: {
      profile: { displayName: name.toUpperCase(), email: `${name}@example.com` },
      memberOf: groups,
    },
    relations: groups.map(g => ({ type: 'memberOf', targetRef: `group:default/${g}` })),
  };
}
