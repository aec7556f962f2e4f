import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

// dispatch-api serves the built files at `/`; in `vite dev` the API is proxied to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
