/** The only file type a content folder may hold: anything else would never be published. */
export const CONTENT_EXTENSION = '.mdx';
