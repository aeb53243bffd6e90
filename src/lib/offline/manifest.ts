/**
 * What the service worker (src/client/offline/sw.ts) may keep, decided at build time by
 * src/integrations/offline.ts: the manifest lists every file of one build with its size and
 * hash, and the shell is the part stored on the first visit, bounded by a byte budget so it stays
 * small whatever the number of writeups.
 */

/** One file of the built site. `url` is relative to the site's base: '' (home), `incidents/x/`, `pagefind/pagefind.js`. */
export interface ManifestEntry {
  url: string;
  bytes: number;
  /**
   * Hash of the content (src/lib/offline/version.ts `contentHash`); for a page, of its HTML with
   * the build's version taken out, so a page that did not change keeps its hash across builds.
   */
  hash: string;
}

export interface OfflineManifest {
  /** Names this build; every page carries it (src/lib/offline/version.ts). */
  version: string;
  /** When the build ran, ISO 8601: shown as the date of the copy a reader has. */
  builtAt: string;
  entries: ManifestEntry[];
  /** What the first visit stores, for people and benchmarks (scripts/bench-offline.ts). */
  shell?: { files: number; bytes: number; tiers: ShellTier[] };
}

/** Files that are never stored: the worker itself, manifests, downloadable archives. */
const NEVER_STORED = [/^sw\.js$/, /^offline\/manifest\./, /\.(tar\.gz|tgz|zip)$/];

/** The URL a built file is served at: `incidents/x/index.html` → `incidents/x/`. */
export function servedUrl(filePath: string): string {
  return filePath.replace(/(^|\/)index\.html$/, '$1');
}

export const isPage = (url: string) => url === '' || url.endsWith('/') || url.endsWith('.html');

export function isStored(filePath: string): boolean {
  return !NEVER_STORED.some((pattern) => pattern.test(filePath));
}

/**
 * Whether a URL names its content, so a new build can never serve other bytes under it:
 * Astro's `_astro/` assets, Pagefind's index, filter and fragment files and its hashed metadata,
 * our content-named search files, and URLs carrying a version in their query.
 */
export function isContentNamed(url: string): boolean {
  const [path = '', query = ''] = url.split('?');
  if (/(^|&)(v|ts)=/.test(query)) return true;
  if (/^_astro\//.test(path)) return true;
  if (/^pagefind\/(index|fragment|filter)\//.test(path) || /^pagefind\/pagefind\.[^/]+\.pf_meta$/.test(path)) return true;
  return /^search\/(facets\.[0-9a-f]{8,}\.json|lexicon\.[0-9a-f]{8,}\/)/.test(path);
}

/** The parts of the shell, in the order they are taken while the budget allows. */
export type ShellTier = 'app' | 'search-index' | 'search-results' | 'pages';

export interface ShellInput {
  manifest: OfflineManifest;
  /**
   * URLs the site cannot work without, beyond what is matched here by path: the search page's
   * preloads as it requests them (`pagefind/pagefind-entry.json?ts=…`), the search client.
   */
  required: readonly { url: string; bytes: number; hash: string }[];
  budgetBytes: number;
}

export interface Shell {
  entries: ManifestEntry[];
  bytes: number;
  /** The tiers that fitted, always starting with 'app'. */
  tiers: ShellTier[];
}

const APP_PAGES = new Set(['', 'search/', 'offline/']);
const APP_FILES = [/^_astro\//, /^favicon\.svg$/, /^pagefind\/pagefind\.js$/, /^pagefind\/wasm\.[^/]+\.pagefind$/, /^pagefind\/pagefind\.[^/]+\.pf_meta$/, /^search\/facets\./];

function tierOf(url: string): ShellTier | undefined {
  if (APP_PAGES.has(url) || APP_FILES.some((pattern) => pattern.test(url))) return 'app';
  if (/^pagefind\/(index|filter)\//.test(url)) return 'search-index';
  if (/^pagefind\/fragment\//.test(url)) return 'search-results';
  if (isPage(url) && url !== '404.html') return 'pages';
  return undefined;
}

const TIER_ORDER: ShellTier[] = ['app', 'search-index', 'search-results', 'pages'];
const sum = (entries: readonly ManifestEntry[]) => entries.reduce((total, entry) => total + entry.bytes, 0);

/**
 * Pages by use to a responder with no network: the patterns, the lists, then writeups newest
 * first (slugs start with their date).
 */
function pagePriority(url: string): [number, string] {
  if (url.startsWith('patterns/')) return [0, url];
  if (url === 'incidents/' || url === 'calendar/') return [1, url];
  if (/^incidents\/\d{4}/.test(url)) return [2, url];
  return [3, url];
}

function byPriority(a: ManifestEntry, b: ManifestEntry): number {
  const [pa, ua] = pagePriority(a.url);
  const [pb, ub] = pagePriority(b.url);
  return pa - pb || (pa === 2 ? ub.localeCompare(ua) : ua.localeCompare(ub));
}

/**
 * The shell: the app tier always (an error when it alone exceeds the budget, since the site cannot
 * work offline without it), then the search index with the result fragments, together or not at
 * all, then as many pages as still fit, most useful first. A small
 * knowledge base is then entirely available after one visit; a large one keeps a small shell and
 * stores pages and index files as they are used, or all of them on request.
 */
export function selectShell({ manifest, required, budgetBytes }: ShellInput): Shell {
  const byTier = new Map<ShellTier, ManifestEntry[]>(TIER_ORDER.map((tier) => [tier, []]));
  for (const entry of manifest.entries) {
    const tier = tierOf(entry.url);
    if (tier) byTier.get(tier)!.push(entry);
  }
  const app = [...byTier.get('app')!, ...required.filter((r) => !manifest.entries.some((e) => e.url === r.url))];
  const appBytes = sum(app);
  if (appBytes > budgetBytes) {
    const largest = [...app].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((e) => `${e.url || '/'} (${e.bytes} B)`);
    throw new Error(`the offline shell needs ${appBytes} bytes, over its budget of ${budgetBytes}; largest: ${largest.join(', ')}`);
  }
  const shell: Shell = { entries: app, bytes: appBytes, tiers: ['app'] };
  // The index without the result fragments finds matches it cannot show, so the two go together.
  const search = [...byTier.get('search-index')!, ...byTier.get('search-results')!];
  const searchBytes = sum(search);
  if (shell.bytes + searchBytes <= budgetBytes) {
    shell.entries.push(...search);
    shell.bytes += searchBytes;
    shell.tiers.push('search-index', 'search-results');
  }
  for (const page of byTier.get('pages')!.sort(byPriority)) {
    if (shell.bytes + page.bytes > budgetBytes) break;
    shell.entries.push(page);
    shell.bytes += page.bytes;
    if (shell.tiers.at(-1) !== 'pages') shell.tiers.push('pages');
  }
  return shell;
}
