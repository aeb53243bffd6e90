/**
 * "Edit this writeup": the address, in the repository the site is built from, where a reader can
 * change a writeup's source file and open a pull request. One configured repository (README →
 * Deploy: KB_REPOSITORY_URL, KB_REPOSITORY_BRANCH) serves every page.
 */

export interface Repository {
  /** `https://github.com/org/incident-kb`, without `.git`. */
  url: string;
  branch: string;
}

/** The repository from the environment; undefined when none is set; an error when it is not an http(s) address. */
export function repositoryFromEnv(env: Readonly<Record<string, string | undefined>>): Repository | undefined {
  const raw = env.KB_REPOSITORY_URL?.trim();
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new Error(`KB_REPOSITORY_URL must be an http(s) address, like https://github.com/org/incident-kb, not "${raw}"`);
  return { url: raw.replace(/\.git$/, '').replace(/\/+$/, ''), branch: env.KB_REPOSITORY_BRANCH?.trim() || 'main' };
}

/**
 * The edit address of `filePath` (relative to the repository's root, as Astro gives an entry's
 * file); undefined for a file outside the repository (a content folder elsewhere, KB_CONTENT_DIR),
 * where any address would be wrong. GitLab's edit page is under `/-/edit/`; GitHub, Gitea and
 * Forgejo use `/edit/`.
 */
export function editUrl(repository: Repository | undefined, filePath: string | undefined): string | undefined {
  if (!repository || !filePath || filePath.startsWith('/') || filePath.split('/').includes('..')) return undefined;
  const edit = /(^|\.)gitlab\./.test(new URL(repository.url).hostname) ? '-/edit' : 'edit';
  const encoded = (text: string) => text.split('/').map(encodeURIComponent).join('/');
  return `${repository.url}/${edit}/${encoded(repository.branch)}/${encoded(filePath)}`;
}
