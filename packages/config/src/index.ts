export type * from './types';
export { ConfigReader } from './reader/ConfigReader';
