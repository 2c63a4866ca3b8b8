/**
 * Builds the dashboard into dist/web, which `tailor serve` serves at `/`. In development the
 * Vite server proxies `/v1` to a `tailor serve` on port 3000, so the session cookie stays
 * same-origin exactly as in production.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/v1': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
