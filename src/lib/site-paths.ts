/**
 * Every address inside the site, in one place, so the site works under a sub-path
 * (`BASE_PATH=/kb/ npm run build`, a GitHub Pages project site) as well as at `/`. Pages,
 * components and browser code build internal links with these functions only; a test
 * (tests/site-paths.test.ts) refuses a hand-written root-relative link in the sources.
 */

/** The base as `/` or `/kb/`: one leading and one trailing slash, whatever was configured. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** `path` (root-relative, `/incidents/x/`) under `base`. */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`site path must start with "/": ${path}`);
  return `${normalizeBase(base)}${path.slice(1)}`;
}

/** `pathname` with `base` taken off (`/kb/incidents/x/` → `/incidents/x/`); undefined when outside it. */
export function withoutBase(base: string, pathname: string): string | undefined {
  const prefix = normalizeBase(base);
  if (pathname === prefix.slice(0, -1)) return '/';
  return pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
}

/**
 * The base this code was built for. Astro and Vite set `import.meta.env.BASE_URL` in pages and
 * in page scripts; src/node/client-bundles.ts and src/integrations/offline.ts define it for
 * the bundles they make. Node scripts run without it, at `/`.
 */
export const SITE_BASE = normalizeBase(import.meta.env?.BASE_URL);

/** A root-relative path under the site's base. */
export const sitePath = (path: string) => withBase(SITE_BASE, path);

export const homeHref = () => sitePath('/');
export const incidentHref = (slug: string) => sitePath(`/incidents/${slug}/`);
export const patternHref = (id: string) => sitePath(`/patterns/${id}/`);
/** Page 1 of the incident list is `/incidents/` itself. */
export const incidentListHref = (page = 1) => sitePath(page === 1 ? '/incidents/' : `/incidents/${page}/`);
export const patternListHref = () => sitePath('/patterns/');
/**
 * The newest year is `/calendar/` itself rather than a copy of `/calendar/<year>/`, so each
 * incident has exactly one box across the calendar pages.
 */
export const calendarHref = (year?: number, newestYear?: number) =>
  sitePath(year === undefined || year === newestYear ? '/calendar/' : `/calendar/${year}/`);
/** The search page, with the query filled in when there is one. */
export const searchHref = (query?: string) => sitePath(query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');

/** The exports (src/pages/feed.xml.ts and its neighbours), documented in README → Feeds and exports. */
export const feedHref = () => sitePath('/feed.xml');
export const incidentsJsonHref = () => sitePath('/incidents.json');
export const incidentsCsvHref = () => sitePath('/incidents.csv');
export const patternsJsonHref = () => sitePath('/patterns.json');
export const openSearchHref = () => sitePath('/opensearch.xml');
