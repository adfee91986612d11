import { defineConfig } from 'vite';

// src/ is the app; the bundle goes into the jar's static/ (served by the gateway at /). No CDN, no web fonts.
export default defineConfig({
  root: 'src',
  base: '/',
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
