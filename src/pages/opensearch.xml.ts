import type { APIRoute } from 'astro';
import { siteAddress } from '../data/exports';
import { openSearchDescription } from '../lib/exports/opensearch';
import { SITE_NAME } from '../lib/site-name';
import { openSearchHref, searchHref, sitePath } from '../lib/site-paths';

export const GET: APIRoute = ({ site }) => {
  const address = siteAddress(site);
  const absolute = (path: string) => new URL(path, address).href;
  const description = openSearchDescription({
    shortName: 'Incidents',
    description: `Search ${SITE_NAME}: past incidents by symptom, error or alert name`,
    searchUrlTemplate: `${absolute(searchHref())}?q={searchTerms}`,
    iconUrl: absolute(sitePath('/favicon.svg')),
    selfUrl: absolute(openSearchHref()),
  });
  return new Response(description, { headers: { 'content-type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
