import type { APIRoute } from 'astro';
import { exportedIncidents, siteAddress } from '../data/exports';
import { incidentsCsv } from '../lib/exports/csv';

export const GET: APIRoute = async ({ site }) =>
  new Response(incidentsCsv(await exportedIncidents(siteAddress(site))), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
