import type { SchemaObject } from 'ajv';

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const statusItem = {
  type: 'object',
  required: ['type', 'level', 'message'],
  properties: {
    type: nonEmptyString,
    level: { enum: ['info', 'warning', 'error'] },
    message: { type: 'string' },
    error: {
      type: 'object',
      required: ['name', 'message'],
      properties: {
        name: nonEmptyString,
        message: { type: 'string' },
        code: { type: 'string' },
        stack: { type: 'string' },
      },
    },
  },
} as const;

/** The shape every entity shares, whatever its kind (types only; name formats are checked apart). */
export const entityEnvelopeSchema: SchemaObject = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: nonEmptyString,
    kind: nonEmptyString,
    metadata: {
      type: 'object',
      required: ['name'],
      properties: {
        uid: nonEmptyString,
        etag: nonEmptyString,
        name: nonEmptyString,
        namespace: nonEmptyString,
        title: nonEmptyString,
        description: { type: 'string' },
        labels: stringMap,
        annotations: stringMap,
        tags: { type: 'array', items: nonEmptyString },
        links: {
          type: 'array',
          items: {
            type: 'object',
            required: ['url'],
            properties: {
              url: nonEmptyString,
              title: nonEmptyString,
              icon: nonEmptyString,
              type: nonEmptyString,
            },
          },
        },
      },
    },
    spec: { type: 'object' },
    relations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'targetRef'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', minLength: 1, pattern: '^\\w+$' },
          targetRef: nonEmptyString,
          target: {
            type: 'object',
            required: ['kind', 'namespace', 'name'],
            additionalProperties: false,
            properties: { kind: nonEmptyString, namespace: nonEmptyString, name: nonEmptyString },
          },
        },
      },
    },
    status: {
      type: 'object',
      properties: { items: { type: 'array', items: statusItem } },
    },
  },
};
