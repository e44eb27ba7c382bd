import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One build, three faces (portal `/`, console `/console`, resident `/m`); the server serves `dist/`. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    // antd's dependencies pull an older React into the root node_modules; two Reacts break hooks.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The shared package is declarations only; importing its error list must not drag zod into the portal.
      treeshake: { moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
