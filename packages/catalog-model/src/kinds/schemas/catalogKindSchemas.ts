import type { SchemaObject } from 'ajv';

// JSON Schemas for the `spec` of each built-in `backstage.io` kind. Field lists follow
// Backstage's kind schemas so that verdicts match; unknown spec fields are allowed.

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const refList = { type: 'array', items: nonEmptyString } as const;
const profile = {
  type: 'object',
  properties: { displayName: nonEmptyString, email: nonEmptyString, picture: nonEmptyString },
} as const;

export const componentSpecSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'lifecycle', 'owner'],
  properties: {
    type: nonEmptyString,
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    subcomponentOf: nonEmptyString,
    providesApis: refList,
    consumesApis: refList,
    dependsOn: refList,
  },
};

export const apiSpecSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'lifecycle', 'owner', 'definition'],
  properties: {
    type: nonEmptyString,
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    definition: nonEmptyString,
  },
};

export const resourceSpecSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'owner'],
  properties: {
    type: nonEmptyString,
    owner: nonEmptyString,
    dependsOn: refList,
    system: nonEmptyString,
  },
};

export const systemSpecSchema: SchemaObject = {
  type: 'object',
  required: ['owner'],
  properties: { owner: nonEmptyString, domain: nonEmptyString, type: nonEmptyString },
};

export const domainSpecSchema: SchemaObject = {
  type: 'object',
  required: ['owner'],
  properties: { owner: nonEmptyString, subdomainOf: nonEmptyString, type: nonEmptyString },
};

export const groupSpecSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'children'],
  properties: {
    type: nonEmptyString,
    profile,
    parent: nonEmptyString,
    children: refList,
    members: refList,
  },
};

export const userSpecSchema: SchemaObject = {
  type: 'object',
  required: ['memberOf'],
  properties: { profile, memberOf: refList },
};

export const locationSpecSchema: SchemaObject = {
  type: 'object',
  properties: {
    type: nonEmptyString,
    target: nonEmptyString,
    targets: refList,
    presence: { enum: ['required', 'optional'] },
  },
};
