import { createApp } from '@greenroom/app-core';
import { catalogPlugin } from '@greenroom/plugin-catalog';
import { catalogImportPlugin } from '@greenroom/plugin-catalog-import';

// Plugins are added here as they are built: createApp({ plugins: [catalogPlugin, …] }).
export const App = createApp({ plugins: [catalogPlugin, catalogImportPlugin] });
