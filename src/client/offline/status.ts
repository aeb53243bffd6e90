/**
 * The offline line in every page's footer (src/components/OfflineStatus.astro): registers the
 * service worker (src/client/offline/sw.ts) and tells the reader what this device holds —
 * preparing, available offline, saving, saved, a newer version ready, updated — with the one
 * action that fits: save everything, or reload to update.
 */
import { formatBytes, progressText } from '../../lib/offline/save-plan';
import { isPage } from '../../lib/offline/manifest';
import { VERSION_META } from '../../lib/offline/version';
import { SKIP_WAITING } from '../../lib/offline/worker-config';
import { whenQuiet } from './quiet';
import { formatCount } from '../../lib/format-count';
import { SITE_BASE, sitePath } from '../../lib/site-paths';
import { prepareSave, runSave } from './save';

/** The build whose copy is complete on this device, and the build the reader last had. */
const SAVED_KEY = 'kb-offline-saved';
const SEEN_KEY = 'kb-offline-version';

interface Action {
  label: string;
  run: () => void;
}

interface View {
  text: string;
  action?: Action;
  cancel?: () => void;
  progress?: { value: number; max: number };
}

function renderer(root: HTMLElement): (view: View) => void {
  const text = root.querySelector<HTMLElement>('[data-offline-text]')!;
  const action = root.querySelector<HTMLButtonElement>('[data-offline-action]')!;
  const cancel = root.querySelector<HTMLButtonElement>('[data-offline-cancel]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
  let onAction: (() => void) | undefined;
  let onCancel: (() => void) | undefined;
  action.addEventListener('click', () => onAction?.());
  cancel.addEventListener('click', () => onCancel?.());
  return (view) => {
    root.hidden = false;
    text.textContent = view.text;
    action.hidden = !view.action;
    action.textContent = view.action?.label ?? '';
    onAction = view.action?.run;
    cancel.hidden = !view.cancel;
    onCancel = view.cancel;
    progress.hidden = !view.progress;
    if (view.progress) Object.assign(progress, view.progress);
  };
}

const readableDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function startOfflineStatus(root: HTMLElement): void {
  const version = document.querySelector<HTMLMetaElement>(`meta[name="${VERSION_META}"]`)?.content;
  if (!version || !('serviceWorker' in navigator)) return;
  const show = renderer(root);
  const builtAt = root.dataset.builtAt ?? '';

  const available = (): View => ({
    text: 'Available offline on this device: the pages you open, and search.',
    action: { label: 'Save everything for offline…', run: () => void offerSave() },
  });
  const saved = (bytes?: number): View => ({
    text: `Saved for offline: every page and the whole search index${bytes === undefined ? '' : ` (${formatBytes(bytes)})`} are on this device.`,
  });
  const settled = (): View => (localStorage.getItem(SAVED_KEY) === version ? saved() : available());

  async function offerSave(): Promise<void> {
    show({ text: 'Checking what to download…' });
    try {
      const job = await prepareSave(version!);
      if (job.plan.missing.length === 0) {
        localStorage.setItem(SAVED_KEY, version!);
        return show(saved(job.plan.totalBytes));
      }
      const pages = job.plan.missing.filter((entry) => isPage(entry.url)).length;
      show({
        text: `Save ${formatCount(pages)} pages and the search index: ${formatBytes(job.plan.missingBytes)} to download${job.plan.missingBytes < job.plan.totalBytes ? ` (${formatBytes(job.plan.totalBytes - job.plan.missingBytes)} already here)` : ''}.`,
        action: { label: `Save ${formatBytes(job.plan.missingBytes)}`, run: () => void save(job) },
        cancel: () => show(settled()),
      });
    } catch (error) {
      show({ text: (error as Error).message, action: { label: 'Try again', run: () => void offerSave() } });
    }
  }

  async function save(job: Awaited<ReturnType<typeof prepareSave>>): Promise<void> {
    const abort = new AbortController();
    const progress = (bytes: number, files: number): View => ({
      text: progressText(bytes, job.plan, files),
      progress: { value: bytes, max: job.plan.missingBytes },
      cancel: () => abort.abort(),
    });
    show(progress(0, 0));
    try {
      await runSave(job, (bytes, files) => show(progress(bytes, files)), abort.signal);
      localStorage.setItem(SAVED_KEY, version!);
      show(saved(job.plan.totalBytes));
    } catch (error) {
      const text = abort.signal.aborted ? 'Saving stopped. What was saved stays on this device.' : `Saving stopped: ${(error as Error).message}. What was saved stays on this device.`;
      show({ text, action: { label: 'Save the rest…', run: () => void offerSave() } });
    }
  }

  const updateReady = (waiting: ServiceWorker): View => ({
    text: 'A newer version of this site is ready.',
    action: {
      label: 'Reload to update',
      run: () => {
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        waiting.postMessage(SKIP_WAITING);
      },
    },
  });

  const watchInstalling = (registration: ServiceWorkerRegistration) => {
    const installing = registration.installing;
    if (!installing) return;
    const firstCopy = !navigator.serviceWorker.controller;
    if (firstCopy) show({ text: 'Preparing the offline copy…' });
    installing.addEventListener('statechange', () => {
      if (installing.state === 'installed' && !firstCopy) show(updateReady(installing));
      if (installing.state === 'activated' && firstCopy) show(settled());
      if (installing.state === 'redundant' && firstCopy) show({ text: 'This site could not be stored for offline use; it works online as usual.' });
    });
  };

  const registering = navigator.serviceWorker.controller
    ? navigator.serviceWorker.register(sitePath('/sw.js'), { scope: SITE_BASE })
    : whenQuiet(document.getElementById('search-form') !== null).then(() => navigator.serviceWorker.register(sitePath('/sw.js'), { scope: SITE_BASE }));
  void registering.then((registration) => {
    const seen = localStorage.getItem(SEEN_KEY);
    if (navigator.serviceWorker.controller) {
      localStorage.setItem(SEEN_KEY, version);
      if (seen && seen !== version) show({ ...settled(), text: `Updated: this is the version built ${readableDate(builtAt)}. ${settled().text}` });
      else show(settled());
    }
    if (registration.waiting && navigator.serviceWorker.controller) show(updateReady(registration.waiting));
    watchInstalling(registration);
    registration.addEventListener('updatefound', () => watchInstalling(registration));
  });
}
