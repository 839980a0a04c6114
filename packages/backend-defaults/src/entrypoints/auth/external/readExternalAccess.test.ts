import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { RemoteKeySets } from '../jwt/RemoteKeySets';
import { readExternalAccess } from './readExternalAccess';

function read(auth: JsonObject) {
  const logger = createTestLogger();
  const entries = readExternalAccess(new ConfigReader({ backend: { auth } }), {
    logger,
    keySets: new RemoteKeySets(),
  });
  return { entries, logger };
}

const at = 'backend.auth.externalAccess[0]';

describe('readExternalAccess', () => {
  it.each([
    [
      'a static token shorter than 8 characters',
      [{ type: 'static', options: { token: 'short12', subject: 'ci' } }],
      `${at}.options.token must be at least 8 characters long`,
    ],
    [
      'a static token with whitespace',
      [{ type: 'static', options: { token: 'has white space', subject: 'ci' } }],
      `${at}.options.token must not contain whitespace`,
    ],
    [
      'a static token without subject',
      [{ type: 'static', options: { token: 'long-enough-token' } }],
      `Missing required config value at '${at}.options.subject'`,
    ],
    [
      'a subject with whitespace',
      [{ type: 'static', options: { token: 'long-enough-token', subject: 'my ci' } }],
      `${at}.options.subject must not contain whitespace`,
    ],
    [
      'the same static token twice',
      [
        { type: 'static', options: { token: 'same-token-twice', subject: 'one' } },
        { type: 'static', options: { token: 'same-token-twice', subject: 'two' } },
      ],
      `backend.auth.externalAccess[1].options.token is the same token as ${at}.options.token`,
    ],
    [
      'a legacy secret that is not base64',
      [{ type: 'legacy', options: { secret: 'not*base64!', subject: 'old' } }],
      `${at}.options.secret must be base64 encoded`,
    ],
    [
      'a jwks entry without url',
      [{ type: 'jwks', options: { issuer: 'https://idp.example.com' } }],
      `Missing required config value at '${at}.options.url'`,
    ],
    [
      'a jwks entry with an HMAC algorithm',
      [{ type: 'jwks', options: { url: 'https://idp.example.com/jwks', algorithm: 'HS256' } }],
      `${at}.options.algorithm: 'HS256' is not allowed`,
    ],
    [
      'an unknown type',
      [{ type: 'magic', options: {} }],
      "Unknown type 'magic' in backend.auth.externalAccess, expected one of 'static', 'legacy', 'jwks'",
    ],
    [
      'an unknown restriction key',
      [
        {
          type: 'static',
          options: { token: 'long-enough-token', subject: 'ci' },
          accessRestrictions: [{ plugin: 'catalog', permissions: 'x' }],
        },
      ],
      `${at}.accessRestrictions[0].permissions is not a known restriction`,
    ],
    [
      'a plugin restricted twice',
      [
        {
          type: 'static',
          options: { token: 'long-enough-token', subject: 'ci' },
          accessRestrictions: [{ plugin: 'catalog' }, { plugin: 'catalog' }],
        },
      ],
      `${at}.accessRestrictions[1].plugin: plugin 'catalog' is listed more than once`,
    ],
    [
      'an unknown permission action',
      [
        {
          type: 'static',
          options: { token: 'long-enough-token', subject: 'ci' },
          accessRestrictions: [{ plugin: 'catalog', permissionAttribute: { action: 'destroy' } }],
        },
      ],
      `${at}.accessRestrictions[0].permissionAttribute.action: 'destroy' is not one of`,
    ],
  ])('refuses %s, naming the key and never the secret', (_label, externalAccess, message) => {
    let thrown: Error | undefined;
    try {
      read({ externalAccess: externalAccess as JsonObject[] });
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toContain(message);
    for (const item of externalAccess as Array<{ options: Record<string, string> }>) {
      for (const secret of [item.options.token, item.options.secret]) {
        if (secret) expect(thrown?.message).not.toContain(secret);
      }
    }
  });

  it('reads restrictions with permissions and actions, from strings or lists', () => {
    const { entries } = read({
      externalAccess: [
        {
          type: 'static',
          options: { token: 'long-enough-token', subject: 'ci' },
          accessRestrictions: [
            { plugin: 'catalog', permission: 'catalog.entity.read, catalog.entity.refresh' },
            { plugin: 'scaffolder', permissionAttribute: { action: ['read', 'create'] } },
            { plugin: 'search' },
          ],
        },
      ],
    });
    expect(entries[0].accessRestrictions).toEqual(
      new Map([
        ['catalog', { permissionNames: ['catalog.entity.read', 'catalog.entity.refresh'] }],
        ['scaffolder', { permissionAttributes: { action: ['read', 'create'] } }],
        ['search', {}],
      ]),
    );
  });

  it('turns deprecated backend.auth.keys into legacy entries, with a warning', () => {
    const { entries, logger } = read({ keys: [{ secret: 'c2VjcmV0LXNlY3JldA==' }] });
    expect(entries.map(e => e.type)).toEqual(['legacy']);
    expect(logger.lines.map(l => [l.level, l.message])).toEqual([
      [
        'warn',
        "backend.auth.keys is deprecated: move the secrets to backend.auth.externalAccess entries of type 'legacy'",
      ],
    ]);
  });

  it('reads nothing when nothing is configured', () => {
    expect(read({}).entries).toEqual([]);
  });
});
