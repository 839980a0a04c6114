import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { injectAppConfigPlugin } from './src/build/injectAppConfigPlugin';

export default defineConfig({
  plugins: [react(), injectAppConfigPlugin()],
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
