export { appPlugin, createAppPlugin } from './plugin';
export type { AppPluginOptions } from './plugin';
export { injectConfigIntoHtml } from './config/injectConfigIntoHtml';
