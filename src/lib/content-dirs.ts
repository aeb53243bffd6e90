/**
 * Where writeups and patterns live, relative to the project root. `KB_CONTENT_DIR` points the
 * build at another content folder (the search benchmark builds an imported corpus this way).
 */
const root = (typeof process !== 'undefined' && process.env.KB_CONTENT_DIR) || 'content';

export const CONTENT_DIRS = { incidents: `${root}/incidents`, patterns: `${root}/patterns` } as const;

/** The only file type a content folder may hold: anything else would never be published. */
export const CONTENT_EXTENSION = '.mdx';
