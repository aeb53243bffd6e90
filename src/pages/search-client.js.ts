import type { APIRoute } from 'astro';
import { searchClientBundle } from '../node/search-client-bundle';

export const GET: APIRoute = async () =>
  new Response((await searchClientBundle()).code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
