/**
 * Words as search sees them, shared by the query side (src/lib/search/query.ts), the similar
 * incidents (src/lib/similar.ts) and the duplicate check (src/lib/validate/duplicates.ts), so all
 * three split text alike.
 */

const STOP_WORDS = new Set(
  `a about above after again against all almost also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each even ever every few for from further get got
  had has have having he her here hers him his how i if in into is it its itself just let like me more most my
  no nor not now of off on once only or other our out over own same she should so some still such than that the
  their them then there these they this those through to too under until up very was we were what when where
  which while who whom why will with would you your yours seeing seen saw see looks look looked seems seemed
  started starting start suddenly keep kept keeps getting lot lots thing things something anything everything
  someone anyone everyone happened happening happens one two`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lowercase words, keeping tokens responders paste (`503`, `x509`, `ECONNREFUSED`) and splitting
 * identifiers into the words writeups use: `pg_dump` → pg dump, `ThreadLimitReached` → thread
 * limit reached.
 */
export function tokenize(text: string): string[] {
  return text
    .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}_]+/u)
    .flatMap((word) => word.split('_'))
    .filter(Boolean);
}

/**
 * `tokenize` for many texts that repeat their words, each distinct space-separated chunk split
 * once and `map`ped once. Exact: `tokenize` never carries anything across a space or a line
 * break (its camelCase split, final sigma, decomposition and accent stripping all stop there,
 * and both split words), so a text's words are its chunks' words in turn. A collection repeats
 * its chunks over and over; the duplicate check and the search lexicon tokenize whole sites.
 */
export function chunkTokenizer<T>(map: (word: string) => T): (text: string) => T[] {
  const known = new Map<string, readonly T[]>();
  return (text) => {
    const words: T[] = [];
    for (const chunk of text.split(/[ \n]+/)) {
      let mapped = known.get(chunk);
      if (mapped === undefined) known.set(chunk, (mapped = tokenize(chunk).map(map)));
      for (const word of mapped) words.push(word);
    }
    return words;
  };
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
