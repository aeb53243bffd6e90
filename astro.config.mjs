// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { pagefindIntegration } from './src/integrations/pagefind-index.ts';

export default defineConfig({
  // Any static host works; SITE sets absolute URLs for feeds when the address is known.
  site: process.env.SITE ?? 'https://incidents.example.org',
  trailingSlash: 'always',
  integrations: [validateContentIntegration(), mdx(), pagefindIntegration()],
  // One small stylesheet inlined saves a round trip on a slow link, the case this site is for.
  build: { format: 'directory', inlineStylesheets: 'always' },
});
