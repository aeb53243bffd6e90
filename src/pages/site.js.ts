import type { APIRoute } from 'astro';
import { serveBundle, siteScriptBundle } from '../node/client-bundles';

export const GET: APIRoute = serveBundle(siteScriptBundle);
