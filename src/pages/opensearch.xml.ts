import type { APIRoute } from 'astro';
import { openSearchDescription } from '../lib/exports/opensearch';
import { SITE_NAME } from '../lib/site-name';
import { openSearchHref, searchHref, sitePath } from '../lib/site-paths';

export const GET: APIRoute = ({ site }) => {
  const absolute = (path: string) => new URL(path, site ?? new URL('http://localhost/')).href;
  const description = openSearchDescription({
    shortName: 'Incidents',
    description: `Search ${SITE_NAME}: past incidents by symptom, error or alert name`,
    searchUrlTemplate: `${absolute(searchHref())}?q={searchTerms}`,
    iconUrl: absolute(sitePath('/favicon.svg')),
    selfUrl: absolute(openSearchHref()),
  });
  return new Response(description, { headers: { 'content-type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
