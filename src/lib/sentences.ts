/**
 * Where one sentence ends and the next begins, as the schema's summary rule counts them and the
 * importers cut a lead from a longer text: one splitter, so an imported summary never holds
 * more sentences than the schema accepts.
 */

/**
 * A break after `.`, `!` or `?` and white space, before what can start a sentence: a capital, a
 * digit, a quote or a parenthesis. Abbreviations before a lowercase word (`e.g. pgbouncer`) and
 * dots inside a word or number (`v2.1`, `example.com`) are not breaks.
 */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9"'(])/;

/** The sentences of `text`, white space collapsed; none for blank text. */
export function sentences(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(SENTENCE_BREAK).filter(Boolean);
}
