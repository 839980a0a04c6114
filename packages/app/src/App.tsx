import { createApp } from '@greenroom/app-core';

// Plugins are added here as they are built: createApp({ plugins: [catalogPlugin, …] }).
export const App = createApp({ plugins: [] });
