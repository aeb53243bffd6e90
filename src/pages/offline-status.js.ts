import type { APIRoute } from 'astro';
import { offlineStatusBundle, serveBundle } from '../node/client-bundles';

export const GET: APIRoute = serveBundle(offlineStatusBundle);
