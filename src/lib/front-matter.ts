/**
 * The one way this project reads and writes front matter. gray-matter evaluates front matter
 * that opens with `---js` (or `---javascript`, `---coffee`) as code; a writeup or a corpus
 * record is data, so those languages are refused instead of run.
 */
import matter from 'gray-matter';

export class FrontMatterLanguageError extends Error {}

const refuse = () => {
  throw new FrontMatterLanguageError('front matter must be YAML; code front matter (---js) is not run');
};
const CODE_ENGINES = { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, cson: refuse };

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Everything after the closing fence. */
  content: string;
}

export function readFrontMatter(text: string): FrontMatter {
  // A fresh options object also keeps gray-matter from caching one result for identical texts.
  const { data, content } = matter(text, { engines: CODE_ENGINES });
  return { data: data as Record<string, unknown>, content };
}

export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  return matter.stringify(body, data);
}
