/**
 * Every page names the build it belongs to in `<meta name="kb-version">` (src/layouts/Base.astro).
 * The service worker stores a page fetched from the network only when it names the worker's own
 * build, so an old worker never keeps a page of a newer deploy beside its own files. Hosts that
 * rewrite HTML (analytics snippets, minifiers) leave that tag alone, which a byte hash would not.
 */

export const VERSION_META = 'kb-version';

/** The version a page names, or undefined for a page without one. */
export function pageVersion(html: string): string | undefined {
  return new RegExp(`<meta name="${VERSION_META}" content="([^"]*)"`).exec(html)?.[1];
}

/** The page with its version taken out, so two builds' copies of an unchanged page compare equal. */
export function withoutVersion(html: string, version: string): string {
  return html.replace(`<meta name="${VERSION_META}" content="${version}"`, `<meta name="${VERSION_META}" content=""`);
}

/** The page as another build would have written it, had the page not changed. */
export function withVersion(html: string, from: string, to: string): string {
  return html.replace(`<meta name="${VERSION_META}" content="${from}"`, `<meta name="${VERSION_META}" content="${to}"`);
}

/** First 16 hex digits of the SHA-256 of `bytes`; Web Crypto, so the build and the browser agree. */
export async function contentHash(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The manifest hash of a file: a page's without its version. */
export async function entryHash(bytes: Uint8Array<ArrayBuffer>, version: string, isPage: boolean): Promise<string> {
  if (!isPage) return contentHash(bytes);
  return contentHash(new TextEncoder().encode(withoutVersion(new TextDecoder().decode(bytes), version)));
}
