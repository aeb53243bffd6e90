/**
 * The one script every page loads (src/layouts/Base.astro), a few hundred bytes fetched once and
 * then cached, instead of the same code inlined in each of thousands of pages. It loads nothing
 * else until it is wanted: the search client when a reader focuses the header's search box or
 * presses "/", the offline status once the page has loaded. Their URLs, named by content, are
 * in the markup (src/components/SearchBox.astro, src/components/OfflineStatus.astro).
 */

function mountSearchBoxOnDemand(form: HTMLFormElement): void {
  const input = form.querySelector('input')!;
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= import(form.dataset.clientSrc!).then((client) => client.mountSearchBox(form)));
  input.addEventListener('focus', load, { once: true });
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}

/** Adds the reader's own time zone under each exact time (src/components/TimeFact.astro). */
function showLocalTimes(): void {
  for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
    const local = new Date(time.dateTime).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    const line = document.createElement('span');
    line.className = 'local-time';
    line.textContent = `Your time: ${local}`;
    time.after(line);
  }
}

/** After the load event, so registering the worker and storing the shell never delay the page. */
function startOfflineStatusAfterLoad(section: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const start = () => import(section.dataset.statusSrc!).then((status) => status.startOfflineStatus(section));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

const searchBox = document.querySelector<HTMLFormElement>('form[data-search-box][data-client-src]');
if (searchBox) mountSearchBoxOnDemand(searchBox);
showLocalTimes();
const offlineStatus = document.querySelector<HTMLElement>('[data-offline-status][data-status-src]');
if (offlineStatus) startOfflineStatusAfterLoad(offlineStatus);
