import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The console builds into dist/console, which the gateway serves at `/` (apps/gateway/src/console).
// No React plugin: Vite's own transform compiles TSX with the automatic JSX runtime (tsconfig "jsx").
// `npx vite --config apps/console/vite.config.mts` serves it with hot reload, /api going to a running gateway.
export default defineConfig({
  root: here,
  base: '/',
  build: { outDir: path.resolve(here, '../../dist/console'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
