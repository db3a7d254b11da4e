import { defineConfig } from 'vite';

// A React 19 app using @agir/elements from npm (the workspace package), built like any app would be.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  oxc: { jsx: { runtime: 'automatic' } },
});
