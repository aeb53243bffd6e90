/**
 * What a responder pastes is rarely a sentence: log lines, an alert with its threshold, a stack
 * trace head, a JSON payload. Most of it names this one occurrence (timestamps, request ids,
 * addresses, hosts, line numbers) and would only match writeups by accident; the words of the
 * error itself, and codes such as `1062`, `ORA-00060`, `x509` or `ECONNRESET`, are what an old
 * writeup shares with it. This module keeps the second and drops the first, and picks the
 * telling words when a long paste has more than a search should look up.
 */
import { isStopWord, tokenize } from './words';

/** One chunk of text between spaces, judged as a whole before it is split into words. */
const NOISE_CHUNKS: readonly RegExp[] = [
  // Dates and times: 2024-03-01, 2024-03-01T12:00:00.123Z, 12:00:00, 01/03/2024, Mar-01
  /^\d{4}-\d{2}-\d{2}(?:[T ]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i,
  /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/i,
  /^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/,
  // UUIDs, hashes, hex ids and addresses: 3f2a…, 0x7ffd…, deadbeef01
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^0x[0-9a-f]+$/i,
  /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}$/i,
  // IPv4 with an optional port or prefix, IPv6, MAC addresses
  /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+|\/\d+)?$/,
  /^\[?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\]?(?::\d+)?$/i,
  // Measured values: 150ms, 3.2s, 512MiB, 99.9%, 0.31, 1,234 (a whole percentage such as "fell 95%"
  // is how a responder describes the failure, and stays)
  /^[+-]?\d+(?:[.,]\d+)?(?:ms|us|µs|ns|s|sec|secs|m|min|mins|h|hr|hrs|d|b|kb|mb|gb|tb|kib|mib|gib|tib|k|x)$/i,
  /^[+-]?\d+(?:[.,]\d+)+%?$/,
  // The severity-and-date head of Kubernetes (klog) lines: I0314, E0312
  /^[IWEF]\d{4}$/,
  // Source positions in stack traces: Pool.java:142, app.py:88:12
  /^[\w$.-]+\.(?:java|kt|scala|py|rb|go|js|mjs|ts|tsx|cs|cpp|cc|c|h|rs|php|ex|exs|erl|swift):\d+(?::\d+)?$/i,
];

/**
 * Whole numbers outside 3-5 digits are ids, counters, epoch times or counts, not error or status
 * codes (`503`, `1062`, SQLSTATE `23000`).
 */
const BARE_NUMBER = /^(?:\d{1,2}|\d{6,})$/;
/** Inside a word ("job1234567"), only long runs of digits are ids. */
const LONG_NUMBER = /^\d{6,}$/;
/** "503s" is a count of 503 responses, not 503 seconds. */
const STATUS_PLURAL = /^[1-5]\d\ds$/i;

/** Generated names: pod suffixes, build ids, session tokens (`x2k9p`, `7d9f8b6c5`), not `sha256` or `http2`. */
function looksGenerated(word: string): boolean {
  if (word.length < 5 || !/\d/.test(word) || !/[a-z]/.test(word)) return false;
  const runs = word.match(/\d+|[a-z]+/g) ?? [];
  return runs.length >= 4;
}

/** Words that are log, trace or alert scaffolding wherever they stand: levels, fields, file types. */
const STRUCTURE_WORDS = new Set(
  `info debug trace notice lvl msg ts tid pid uid req caller logger alertname labels annotations
  jan feb mar apr jun jul aug sep sept oct nov dec
  fingerprint generator receiver runbook startsat endsat com org io java kt py rb js mjs cs php http https www`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that are scaffolding only as a field name (`region=us-east-1`, `"severity": "critical"`,
 * `instance: db-7`): in a sentence "every region" or "the instance" still describe the failure.
 */
const FIELD_NAMES = new Set(
  `id severity level warning warn instance job env environment cluster region zone value values status
  starts ends startsat endsat summary description host hostname pod namespace container service node source`
    .split(/\s+/)
    .filter(Boolean),
);
const FIELD = /(["']?)([A-Za-z_][\w.-]*)\1\s*[=:](?!\/\/)/g;

/** Process ids in syslog heads (`sshd[30301]:`) and host names made of an address (`ip-10-31-8-112`). */
const OCCURRENCE_NAMES = /\[\d+\]|\bip-\d{1,3}(?:-\d{1,3}){3}\b/gi;

/** A field name made only of scaffolding words: `region`, `req_id`, `startsAt`. */
function isScaffoldingField(name: string): boolean {
  return tokenize(name).every((part) => FIELD_NAMES.has(part) || STRUCTURE_WORDS.has(part)) || FIELD_NAMES.has(name.toLowerCase());
}

/** Removes process ids, address-named hosts and the names of scaffolding fields, keeping their values. */
function withoutScaffolding(line: string): string {
  return line.replace(OCCURRENCE_NAMES, ' ').replace(FIELD, (whole, _quote: string, name: string) => (isScaffoldingField(name) ? ' ' : whole));
}

/** Words on a line that make it the line to read: the error itself. */
const TROUBLE = /\b(?:error|err|errno|fail\w*|fatal|panic\w*|exception|refused|denied|reset|timed?\s?out|timeout|unavailable|unreachable|killed|oom\w*|crash\w*|abort\w*|critical|firing|exceeded|exhausted|expired|invalid|cannot|can't|unable|rejected|dropped|lost|corrupt\w*|deadlock\w*)\b|\b[45]\d\d\b/i;

/** A word of pasted text, with whether it came from a line that reports trouble. */
interface Candidate {
  word: string;
  onTroubleLine: boolean;
  /** Position in the text, to keep the responder's order. */
  at: number;
}

/** Punctuation that structures JSON, key=value logs and brackets, never part of a word a writeup uses. */
const STRUCTURE_PUNCTUATION = /[{}[\]()<>"'`=,;|]+/g;

function isNoiseChunk(chunk: string): boolean {
  const bare = chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
  if (STATUS_PLURAL.test(bare)) return false;
  return bare === '' || BARE_NUMBER.test(bare) || NOISE_CHUNKS.some((pattern) => pattern.test(bare));
}

function isNoiseWord(word: string): boolean {
  return isStopWord(word) || STRUCTURE_WORDS.has(word) || LONG_NUMBER.test(word) || looksGenerated(word) || word.length < 2;
}

/**
 * The words of `text` worth searching for, in the order they were typed, each once, and the runs
 * of words that stood side by side (for phrase matches). Noise breaks a run.
 */
export function meaningfulWords(text: string): { words: Candidate[]; runs: string[][] } {
  const words: Candidate[] = [];
  const runs: string[][] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  let at = 0;
  for (const line of text.split(/\r?\n/)) {
    const onTroubleLine = TROUBLE.test(line);
    for (const chunk of withoutScaffolding(line).replace(STRUCTURE_PUNCTUATION, ' ').split(/\s+/)) {
      if (isNoiseChunk(chunk)) {
        endRun();
        continue;
      }
      for (const word of tokenize(chunk)) {
        if (isNoiseWord(word)) {
          endRun();
          continue;
        }
        words.push({ word, onTroubleLine, at: at++ });
        run.push(word);
      }
    }
    endRun();
  }
  return { words, runs };
}

/** Codes and error names: what a responder would grep for, and what a writeup quotes verbatim. */
function looksLikeCode(word: string): boolean {
  return /\d/.test(word) || /^e[a-z]{4,}$/.test(word);
}

/**
 * At most `limit` distinct words. Within the limit every word is kept; past it, a long paste keeps
 * the words its trouble lines repeat most, then codes, then the rest in the order pasted, so a
 * 200-line log is searched by what went wrong rather than by its first lines.
 */
export function pickSearchWords(candidates: readonly Candidate[], limit: number): string[] {
  const byWord = new Map<string, { first: number; troubleCount: number }>();
  for (const { word, onTroubleLine, at } of candidates) {
    const seen = byWord.get(word) ?? { first: at, troubleCount: 0 };
    if (onTroubleLine) seen.troubleCount++;
    byWord.set(word, seen);
  }
  const distinct = [...byWord];
  if (distinct.length <= limit) return distinct.map(([word]) => word);
  // Repeated on error lines, a word is the symptom; repeated elsewhere, it is a host, a process
  // or a column name, so only trouble lines count repeats.
  const salience = ([word, { troubleCount }]: (typeof distinct)[number]) => (troubleCount > 0 ? 4 + Math.log2(troubleCount) : 0) + (looksLikeCode(word) ? 2 : 0);
  return distinct
    .map((entry) => ({ entry, score: salience(entry) }))
    .sort((a, b) => b.score - a.score || a.entry[1].first - b.entry[1].first)
    .slice(0, limit)
    .sort((a, b) => a.entry[1].first - b.entry[1].first)
    .map(({ entry }) => entry[0]);
}
