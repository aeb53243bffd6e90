/**
 * Fetches one file of a build and checks it is that build's, for the service worker
 * (src/client/offline/sw.ts) and for "Save for offline" (src/client/offline/save.ts): a page must
 * name the build, any other file must have the manifest's hash unless its URL names its content.
 * A host that has moved on to a newer deploy fails the check, so a cache never mixes two builds.
 */
import { isContentNamed, isPage } from '../../lib/offline/manifest';
import { contentHash, pageVersion } from '../../lib/offline/version';

export class NewerDeployError extends Error {}

export interface Expected {
  version: string;
  /** The manifest hash; absent when unknown, then only content-named URLs and pages are accepted. */
  hash?: string;
}

/** `url` is relative to the base (`incidents/x/`), `href` where to fetch it. */
export async function fetchVerified(url: string, href: string, expected: Expected): Promise<Response> {
  const response = await fetch(href, { cache: 'no-cache' });
  if (!response.ok) {
    if (response.status === 404) throw new NewerDeployError(`${url} is gone from the server`);
    throw new Error(`${url}: the server answered ${response.status}`);
  }
  const bytes = await response.arrayBuffer();
  const path = url.split('?')[0]!;
  if (isPage(path)) {
    if (pageVersion(new TextDecoder().decode(bytes)) !== expected.version) throw new NewerDeployError(`${url} is from another build`);
  } else if (!isContentNamed(url) && (expected.hash === undefined || (await contentHash(bytes)) !== expected.hash)) {
    throw new NewerDeployError(`${url} has changed on the server`);
  }
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}
