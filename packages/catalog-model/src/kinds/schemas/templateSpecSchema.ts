import type { SchemaObject } from 'ajv';

// The `spec` of a `scaffolder.backstage.io/v1beta3` Template, following the scaffolder's schema.

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const condition = { type: ['string', 'boolean'] } as const;
const permissions = {
  type: 'object',
  properties: { tags: { type: 'array', items: { type: 'string' } } },
} as const;
const formPage = { type: 'object', properties: { 'backstage:permissions': permissions } } as const;
const formDecorators = {
  type: 'array',
  items: {
    type: 'object',
    properties: { id: { type: 'string' }, input: { type: 'object' } },
  },
} as const;

export const templateSpecSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'steps'],
  properties: {
    type: nonEmptyString,
    owner: nonEmptyString,
    lifecycle: nonEmptyString,
    parameters: { oneOf: [formPage, { type: 'array', items: formPage }] },
    secrets: { type: 'object', properties: { schema: { type: 'object' } } },
    presentation: {
      type: 'object',
      properties: {
        buttonLabels: {
          type: 'object',
          properties: {
            backButtonText: { type: 'string' },
            createButtonText: { type: 'string' },
            reviewButtonText: { type: 'string' },
          },
        },
      },
    },
    EXPERIMENTAL_recovery: {
      type: 'object',
      properties: { EXPERIMENTAL_strategy: { type: 'string' } },
    },
    EXPERIMENTAL_formDecorators: formDecorators,
    formDecorators,
    steps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['action'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          action: { type: 'string' },
          input: { type: 'object' },
          if: condition,
          'backstage:permissions': permissions,
        },
      },
    },
    output: {
      type: 'object',
      properties: {
        links: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              if: condition,
              url: nonEmptyString,
              entityRef: nonEmptyString,
              title: nonEmptyString,
              icon: nonEmptyString,
            },
          },
        },
        text: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              if: condition,
              title: nonEmptyString,
              icon: nonEmptyString,
              content: { type: 'string' },
            },
          },
        },
      },
      additionalProperties: { type: 'string' },
    },
  },
};
