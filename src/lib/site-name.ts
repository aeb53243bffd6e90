/** The site's name, in page titles (src/layouts/Base.astro), the feed and the OpenSearch description. */
export const SITE_NAME = 'Incident knowledge base';
