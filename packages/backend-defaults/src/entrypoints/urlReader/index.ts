export { urlReaderServiceFactory } from './urlReaderServiceFactory';
export { DefaultUrlReader, UrlReaders } from './UrlReaders';
export type { UrlReadersOptions } from './UrlReaders';
export { FileUrlReader } from './files/FileUrlReader';
export { HttpUrlReader } from './http/HttpUrlReader';
export { ReadingAllowList } from './http/ReadingAllowList';
export type { ReadingAllowRule } from './http/ReadingAllowList';
