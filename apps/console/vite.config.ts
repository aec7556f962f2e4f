import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

// dispatch-api serves the built files at `/`; in `vite dev` the API is proxied to it.
export default defineConfig({
  plugins: [react()],
  // Every built file but index.html lands in assets/ with its content hash in the name: the server
  // (bootstrap.ts) lets browsers keep those for a year and revalidates index.html on each load.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsDir: 'assets', assetsInlineLimit: 0 },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
