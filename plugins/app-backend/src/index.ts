export { appPlugin, createAppPlugin } from './plugin';
export type { AppPluginOptions } from './plugin';
export {
  CONFIG_SCRIPT_TYPE,
  injectConfigIntoHtml,
  renderConfigScript,
} from './config/injectConfigIntoHtml';
