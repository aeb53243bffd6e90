import type { APIRoute } from 'astro';
import { exportedIncidents } from '../data/exports';
import { EXPORT_VERSION } from '../lib/exports/incident-record';
import { homeHref } from '../lib/site-paths';

export const GET: APIRoute = async ({ site }) => {
  const siteUrl = site ?? new URL('http://localhost/');
  const incidents = await exportedIncidents(siteUrl);
  return new Response(JSON.stringify({ version: EXPORT_VERSION, site: new URL(homeHref(), siteUrl).href, count: incidents.length, incidents }, null, 1), {
    headers: { 'content-type': 'application/json' },
  });
};
