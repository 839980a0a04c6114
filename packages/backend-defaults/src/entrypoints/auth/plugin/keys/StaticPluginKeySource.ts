import { readFile } from 'node:fs/promises';
import type { Config } from '@greenroom/config';
import type { JWK } from 'jose';
import { CompactSign, compactVerify, exportJWK, importPKCS8, importSPKI } from 'jose';
import { PLUGIN_KEY_ALGORITHM } from '../../tokenTypes';
import type { PluginKeySource, PluginSigningKey } from './types';

const STATIC_KEYS_KEY = 'backend.auth.pluginKeyStore.static.keys';

async function readPem(path: string, key: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${key}: could not read the key file '${path}' (${code})`, { cause: error });
  }
}

async function importKey<T>(key: string, importer: () => Promise<T>, what: string): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    // The jose message names the format problem, never the key material.
    throw new Error(`${key}: the file is not a valid ${what} (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/**
 * Keys from PEM files named in config, for setups where plugins must not write to their
 * database (read replicas). The first key signs; the others only verify (rotation). Every
 * plugin shares them, and nothing touches a database.
 */
export class StaticPluginKeySource implements PluginKeySource {
  static async fromConfig(config: Config): Promise<StaticPluginKeySource> {
    const entries = config.getOptionalConfigArray(STATIC_KEYS_KEY) ?? [];
    if (entries.length === 0) {
      throw new Error(
        `${STATIC_KEYS_KEY} must list at least one key when backend.auth.pluginKeyStore.type is 'static'`,
      );
    }
    const publicKeys: JWK[] = [];
    let signing: PluginSigningKey | undefined;
    for (const [index, entry] of entries.entries()) {
      const at = `${STATIC_KEYS_KEY}[${index}]`;
      const kid = entry.getString('keyId');
      const alg = entry.getOptionalString('algorithm') ?? PLUGIN_KEY_ALGORITHM;
      const publicPath = entry.getString('publicKeyFile');
      const publicPem = await readPem(publicPath, `${at}.publicKeyFile`);
      const publicKey = await importKey(
        `${at}.publicKeyFile`,
        () => importSPKI(publicPem, alg, { extractable: true }),
        `SPKI public key for ${alg}`,
      );
      if (publicKeys.some(jwk => jwk.kid === kid)) {
        throw new Error(`${at}.keyId: the key id '${kid}' is used twice`);
      }
      publicKeys.push({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' });

      const privatePath = entry.getOptionalString('privateKeyFile');
      if (index === 0) {
        if (!privatePath) {
          throw new Error(`${at}.privateKeyFile is required: the first key is the one that signs`);
        }
        const privatePem = await readPem(privatePath, `${at}.privateKeyFile`);
        const privateKey = await importKey(
          `${at}.privateKeyFile`,
          () => importPKCS8(privatePem, alg),
          `PKCS#8 private key for ${alg}`,
        );
        await assertKeyPair(privateKey, publicKey, alg, at);
        signing = { key: privateKey, kid, alg };
      }
    }
    return new StaticPluginKeySource(signing!, publicKeys);
  }

  readonly #signing: PluginSigningKey;
  readonly #publicKeys: JWK[];

  private constructor(signing: PluginSigningKey, publicKeys: JWK[]) {
    this.#signing = signing;
    this.#publicKeys = publicKeys;
  }

  async getPrivateSigningKey(): Promise<PluginSigningKey> {
    return this.#signing;
  }

  async listKeys(): Promise<{ keys: JWK[] }> {
    return { keys: this.#publicKeys.map(jwk => ({ ...jwk })) };
  }
}

/** Refuses a private key file that does not belong to the public key file next to it. */
async function assertKeyPair(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  alg: string,
  at: string,
): Promise<void> {
  const probe = await new CompactSign(new TextEncoder().encode('greenroom key pair check'))
    .setProtectedHeader({ alg })
    .sign(privateKey);
  try {
    await compactVerify(probe, publicKey);
  } catch {
    throw new Error(`${at}: privateKeyFile and publicKeyFile are not the same key pair`);
  }
}
