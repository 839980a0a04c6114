export { catalogPlugin } from './plugin';
export {
  createComponentRouteRef,
  createFromTemplateRouteRef,
  rootRouteRef as catalogRootRouteRef,
  viewTechDocRouteRef,
} from './routes';
export { catalogTranslationRef } from './translation/catalogTranslationRef';
