export { proxyPlugin } from './plugin';
export type { CredentialsPolicy } from './config/types';
