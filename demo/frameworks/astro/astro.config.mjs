import { defineConfig } from 'astro/config';

// An Astro site using @agir/elements from npm (the workspace package), built as static pages.
export default defineConfig({ output: 'static', outDir: 'dist' });
