import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { injectAppConfigPlugin } from './src/build/injectAppConfigPlugin';
import { publicBundlePlugin } from './src/build/publicBundlePlugin';

// The app's own plugins, for the full build and the public sign-in build alike.
const appPlugins = () => [react(), injectAppConfigPlugin()];

export default defineConfig({
  plugins: [...appPlugins(), publicBundlePlugin({ plugins: appPlugins })],
  build: {
    outDir: 'dist',
    // assets/ (Vite's default) is where the app backend expects hashed files, cached for a year.
    assetsDir: 'assets',
    emptyOutDir: true,
  },
  // The app talks to backend.baseUrl directly (CORS allows this origin), so nothing is proxied.
  server: { port: 3000, strictPort: true },
  preview: { port: 3000 },
});
