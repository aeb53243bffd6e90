import type { APIRoute } from 'astro';
import { exportEnvelope, exportedIncidents, siteAddress } from '../data/exports';
import { incidentsJson } from '../lib/exports/json';

export const GET: APIRoute = async ({ site }) => {
  const address = siteAddress(site);
  return new Response(incidentsJson(exportEnvelope(address), await exportedIncidents(address)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
