import type { APIRoute } from 'astro';
import { searchClientBundle, serveBundle } from '../node/client-bundles';

export const GET: APIRoute = serveBundle(searchClientBundle);
