import type { NextConfig } from 'next';

// A Next.js App Router app using @agir/elements as published (tsconfig.json points its imports at the built
// package), exported as static pages: `next build` still renders every page on the server, in Node, so it
// imports the element modules there.
const config: NextConfig = { output: 'export' };

export default config;
