/**
 * Where writeups and patterns live, relative to the project root. `KB_CONTENT_DIR` points the
 * build and the tools at another content folder (benchmarks and tests build generated or
 * imported content this way). Read from the environment, so it lives with the Node-only code.
 */
const root = process.env.KB_CONTENT_DIR || 'content';

export const CONTENT_DIRS = { incidents: `${root}/incidents`, patterns: `${root}/patterns` } as const;
