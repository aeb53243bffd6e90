import type { APIRoute } from 'astro';
import { exportedIncidents } from '../data/exports';
import { incidentsCsv } from '../lib/exports/csv';

export const GET: APIRoute = async ({ site }) =>
  new Response(incidentsCsv(await exportedIncidents(site ?? new URL('http://localhost/'))), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
