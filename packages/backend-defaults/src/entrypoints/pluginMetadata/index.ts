export { pluginMetadataServiceFactory } from './pluginMetadataServiceFactory';
