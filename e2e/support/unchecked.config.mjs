// @ts-check
/**
 * The site's config without the pre-build content check, so a test can prove that the guard in
 * the MDX pipeline refuses code on its own (see src/integrations/writeup-mdx.ts).
 */
import config from '../../astro.config.mjs';

export default {
  ...config,
  integrations: (config.integrations ?? []).flat().filter((integration) => integration && integration.name !== 'incident-kb:validate-content'),
};
