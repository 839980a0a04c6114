import type { JWK } from 'jose';

/** The key a plugin signs its tokens with. */
export interface PluginSigningKey {
  key: CryptoKey;
  kid: string;
  alg: string;
}

/** Where a plugin's signing keys come from and where their public halves are published. */
export interface PluginKeySource {
  /** The current signing key; may create (and publish) a new one. */
  getPrivateSigningKey(): Promise<PluginSigningKey>;
  /** Every public key a token still in circulation may have been signed with. */
  listKeys(): Promise<{ keys: JWK[] }>;
}
