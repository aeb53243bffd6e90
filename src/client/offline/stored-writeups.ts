/** Fills the offline page (src/pages/offline.astro) with the writeups this device holds, read from the worker's caches. */
import { isOurCache } from '../../lib/offline/worker-config';
import { incidentListHref } from '../../lib/site-paths';

const INCIDENTS = incidentListHref();

export async function listStoredWriteups(section: HTMLElement): Promise<void> {
  const names = (await caches.keys()).filter(isOurCache);
  const paths = new Set<string>();
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      const { pathname } = new URL(request.url);
      // A writeup's page, not a page of the incident list (`/incidents/2/`).
      if (pathname.startsWith(INCIDENTS) && /^[^/]*[a-z][^/]*\/$/.test(pathname.slice(INCIDENTS.length))) paths.add(pathname);
    }
  }
  if (paths.size === 0) return;
  const list = section.querySelector('ul')!;
  for (const path of [...paths].sort().reverse()) {
    const link = Object.assign(document.createElement('a'), { href: path, textContent: decodeURIComponent(path.slice(INCIDENTS.length, -1)).replace(/-/g, ' ') });
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  section.hidden = false;
}
