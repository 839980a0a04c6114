import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import {
  createLocalJWKSet,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginKeySourceFactory } from './createPluginKeySource';
import { StaticPluginKeySource } from './StaticPluginKeySource';

// Named up front: the it.each tables below are built before beforeAll runs.
const dir = join(tmpdir(), `greenroom-keys-${randomUUID()}`);
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  for (const name of ['current', 'previous', 'stranger']) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    await writeFile(file(`${name}.pub.pem`), await exportSPKI(pair.publicKey));
    await writeFile(file(`${name}.key.pem`), await exportPKCS8(pair.privateKey));
  }
  await writeFile(
    file('garbage.pem'),
    '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function config(keys: JsonObject[]) {
  return new ConfigReader({
    backend: { auth: { pluginKeyStore: { type: 'static', static: { keys } } } },
  });
}

describe('StaticPluginKeySource', () => {
  it('signs with the first key and publishes every public key', async () => {
    const source = await StaticPluginKeySource.fromConfig(
      config([
        {
          publicKeyFile: file('current.pub.pem'),
          privateKeyFile: file('current.key.pem'),
          keyId: '2',
        },
        { publicKeyFile: file('previous.pub.pem'), keyId: '1', algorithm: 'ES256' },
      ]),
    );
    const signing = await source.getPrivateSigningKey();
    expect([signing.kid, signing.alg]).toEqual(['2', 'ES256']);
    const jwks = await source.listKeys();
    expect(jwks.keys.map(k => [k.kid, k.alg, k.use])).toEqual([
      ['2', 'ES256', 'sig'],
      ['1', 'ES256', 'sig'],
    ]);
    expect(jwks.keys.some(k => 'd' in k)).toBe(false);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: '2' })
      .sign(signing.key);
    await expect(jwtVerify(token, createLocalJWKSet(jwks))).resolves.toBeDefined();
  });

  it.each([
    ['no keys', [], 'backend.auth.pluginKeyStore.static.keys must list at least one key'],
    [
      'a first key without private key',
      [{ publicKeyFile: file('current.pub.pem'), keyId: '1' }],
      'backend.auth.pluginKeyStore.static.keys[0].privateKeyFile is required: the first key is the one that signs',
    ],
    [
      'a file that is not a key',
      [{ publicKeyFile: file('garbage.pem'), privateKeyFile: file('current.key.pem'), keyId: '1' }],
      'backend.auth.pluginKeyStore.static.keys[0].publicKeyFile: the file is not a valid SPKI public key for ES256',
    ],
    [
      'a private key of another pair',
      [
        {
          publicKeyFile: file('current.pub.pem'),
          privateKeyFile: file('stranger.key.pem'),
          keyId: '1',
        },
      ],
      'backend.auth.pluginKeyStore.static.keys[0]: privateKeyFile and publicKeyFile are not the same key pair',
    ],
    [
      'a repeated key id',
      [
        {
          publicKeyFile: file('current.pub.pem'),
          privateKeyFile: file('current.key.pem'),
          keyId: '1',
        },
        { publicKeyFile: file('previous.pub.pem'), keyId: '1' },
      ],
      "backend.auth.pluginKeyStore.static.keys[1].keyId: the key id '1' is used twice",
    ],
  ])('refuses %s at startup, naming the key', async (_label, keys, message) => {
    await expect(StaticPluginKeySource.fromConfig(config(keys as JsonObject[]))).rejects.toThrow(
      message,
    );
  });

  it('names the missing file and the reason', async () => {
    await expect(
      StaticPluginKeySource.fromConfig(
        config([
          { publicKeyFile: file('nope.pem'), privateKeyFile: file('current.key.pem'), keyId: '1' },
        ]),
      ),
    ).rejects.toThrow(
      `backend.auth.pluginKeyStore.static.keys[0].publicKeyFile: could not read the key file '${file('nope.pem')}' (ENOENT)`,
    );
  });
});

describe('createPluginKeySourceFactory', () => {
  it('refuses an unknown key store type', async () => {
    await expect(
      createPluginKeySourceFactory(
        new ConfigReader({ backend: { auth: { pluginKeyStore: { type: 'vault' } } } }),
      ),
    ).rejects.toThrow(
      "backend.auth.pluginKeyStore.type must be 'database' or 'static', got 'vault'",
    );
  });
});
