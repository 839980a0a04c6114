export { catalogImportPlugin } from './plugin';
export { importPageRouteRef } from './routes';
export { catalogImportTranslationRef } from './translation/catalogImportTranslationRef';
export { parseLocationInput } from './import/parseLocationInput';
export type {
  ImportLocation,
  LocationInputProblem,
  ParsedLocationInput,
} from './import/parseLocationInput';
export { analyzeImportLocation } from './import/analyzeImportLocation';
export type { ImportAnalysis, PreviewEntity } from './import/analyzeImportLocation';
