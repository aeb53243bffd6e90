import type { APIRoute } from 'astro';
import { exportEnvelope, exportedPatterns, siteAddress } from '../data/exports';
import { patternsJson } from '../lib/exports/json';

export const GET: APIRoute = async ({ site }) => {
  const address = siteAddress(site);
  return new Response(patternsJson(exportEnvelope(address), await exportedPatterns(address)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
