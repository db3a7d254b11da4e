import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// A Vue 3 app using @agir/elements from npm (the workspace package); Agir tags are custom elements.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'signature-counter' || tag === 'donation-calculator' } } }),
  ],
});
