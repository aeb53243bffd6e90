import type { APIRoute } from 'astro';
import { exportedIncidents, siteAddress } from '../data/exports';
import { atomFeed } from '../lib/exports/atom';
import { SITE_NAME } from '../lib/site-name';
import { feedHref, homeHref, patternListHref } from '../lib/site-paths';

export const GET: APIRoute = async ({ site }) => {
  const address = siteAddress(site);
  const absolute = (path: string) => new URL(path, address).href;
  const feed = atomFeed({
    title: SITE_NAME,
    homeUrl: absolute(homeHref()),
    feedUrl: absolute(feedHref()),
    patternsUrl: absolute(patternListHref()),
    incidents: await exportedIncidents(address),
    fallbackUpdated: import.meta.env.KB_BUILD_TIME,
  });
  return new Response(feed, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
