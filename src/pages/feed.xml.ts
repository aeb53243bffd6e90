import type { APIRoute } from 'astro';
import { exportedIncidents } from '../data/exports';
import { atomFeed } from '../lib/exports/atom';
import { SITE_NAME } from '../lib/site-name';
import { feedHref, homeHref, patternListHref } from '../lib/site-paths';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = site ?? new URL('http://localhost/');
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const feed = atomFeed({
    title: SITE_NAME,
    homeUrl: absolute(homeHref()),
    feedUrl: absolute(feedHref()),
    patternsUrl: absolute(patternListHref()),
    incidents: await exportedIncidents(siteUrl),
    fallbackUpdated: new Date(import.meta.env.KB_BUILD_TIME).toISOString(),
  });
  return new Response(feed, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
