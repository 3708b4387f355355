import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const dashboardRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(dashboardRoot, '../..');
// The NestJS API; in production it serves the built dashboard itself, so this is for `vite` dev only.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: dashboardRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@hubpulse/contracts': path.join(repoRoot, 'libs/contracts/src'),
    },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/dashboard'),
    emptyOutDir: true,
    // Maps for debugging a production bundle, without pointing browsers at them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod with the module that turns its eval probe off, in one chunk: every chunk that builds a
            // schema at load (contracts) imports this one, so the setting is in place before the first
            // schema exists (the CSP has no 'unsafe-eval'; the caught probe is still reported).
            { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]|[\\/]lib[\\/]zod-jitless\.ts$/, priority: 30 },
            // Changes rarely, so it stays cached across dashboard releases.
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
            { name: 'vendor-charts', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/v1': { target: apiTarget, changeOrigin: false },
    },
  },
});
