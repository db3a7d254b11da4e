import { defineConfig } from 'vitepress';

// The docs load the real CDN build (copied into docs/public/cdn by `pnpm docs:build`), exactly as a
// campaign site would: live examples are the shipped elements, not a docs-only copy.
export default defineConfig({
  title: 'Agir',
  description: 'Embeddable web components for human-rights and advocacy campaigns',
  lang: 'en',
  cleanUrls: false,
  srcExclude: ['README.md', 'package.json'],
  head: [
    ['meta', { name: 'agir:endpoint', content: 'http://localhost:8787/api/v1' }],
    ['script', { type: 'module', src: '/cdn/agir.js' }],
  ],
  vue: { template: { compilerOptions: { isCustomElement: (tag: string) => tag.includes('-') && !tag.startsWith('vp-') } } },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started' },
      { text: 'Elements', link: '/elements/petition-form' },
      { text: 'Embed builder', link: '/embed-builder' },
      { text: 'Server', link: '/server' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/getting-started' },
          { text: 'Embed builder', link: '/embed-builder' },
          { text: 'Theming', link: '/theming' },
          { text: 'Localisation', link: '/localisation' },
          { text: 'Security and CSP', link: '/security' },
          { text: 'Accessibility', link: '/accessibility' },
          { text: 'Analytics', link: '/analytics' },
          { text: 'Browser support', link: '/browser-support' },
        ],
      },
      {
        text: 'Elements',
        items: [
          { text: 'petition-form', link: '/elements/petition-form' },
          { text: 'signature-counter', link: '/elements/signature-counter' },
          { text: 'case-card', link: '/elements/case-card' },
          { text: 'donation-calculator', link: '/elements/donation-calculator' },
          { text: 'consent-video', link: '/elements/consent-video' },
        ],
      },
      {
        text: 'Backend',
        items: [
          { text: 'The endpoint contract', link: '/contract' },
          { text: 'Any backend', link: '/backends' },
          { text: 'The reference server', link: '/server' },
        ],
      },
      {
        text: 'Project',
        items: [
          { text: 'Benchmarks', link: '/benchmarks' },
          { text: 'Changelog', link: '/changelog' },
        ],
      },
    ],
    search: { provider: 'local' },
  },
});
