/**
 * Suites that need something a machine may lack: the shared corpora, a module with a native
 * binding. Outside CI such a suite is skipped and the reason printed. In CI the test file fails
 * instead, so a suite whose data never arrived cannot leave the run green by not running.
 */

/** CI as GitHub Actions and .ci/run set it (CI=true); empty, 0 and false mean not CI. */
const IN_CI = !['', '0', 'false'].includes(process.env.CI ?? '');

/**
 * Whether to skip a suite. `missing` says what is missing and how to get it, or is undefined when
 * nothing is; in CI a missing thing throws, which fails the test file with that message.
 */
export function skipOrFail(missing: string | undefined): boolean {
  if (missing === undefined) return false;
  if (IN_CI) throw new Error(`${missing}. CI=true, so this fails instead of skipping.`);
  console.warn(`Skipped: ${missing}.`);
  return true;
}

/** Loads a module a suite needs; undefined (the suite skips) where it cannot load, except in CI. */
export async function loadOrSkip<T>(load: () => Promise<T>, what: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    skipOrFail(`${what} cannot be loaded (${(error as Error).message}); npm ci installs it`);
    return undefined;
  }
}
