/**
 * Turns what a responder types ("writes to the primary time out, pool exhausted, 503s") into
 * weighted search terms. Pagefind matches every word of a query, so a sentence finds nothing;
 * we search each meaningful word on its own and merge (rank.ts). Stop words carry no signal and
 * would only cost index chunk loads.
 */
import { meaningfulWords, pickSearchWords } from './pasted-text';
import { tokenize } from './words';

export interface QueryTerm {
  /** Lowercase word as Pagefind will search it. */
  text: string;
  /** How much a match counts: 1 for typed words, less for expansions. */
  weight: number;
  /** The typed word this term came from, for highlighting and "matched" reasons. */
  source: string;
}

export interface ShapedQuery {
  terms: QueryTerm[];
  /** Adjacent typed word pairs, searched as phrases to reward pages that say the same thing. */
  phrases: string[];
}

/**
 * Words responders use for what writeups usually call something else. Expansions are searched
 * at half weight so they widen recall without outranking the words actually typed.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  db: ['database'],
  dbs: ['database'],
  k8s: ['kubernetes'],
  pg: ['postgres', 'postgresql'],
  postgres: ['postgresql'],
  postgresql: ['postgres'],
  cert: ['certificate'],
  certs: ['certificate'],
  tls: ['certificate', 'ssl'],
  ssl: ['certificate', 'tls'],
  oom: ['memory'],
  oomkilled: ['memory'],
  '5xx': ['errors', '500', '503'],
  latency: ['slow'],
  slow: ['latency'],
  timeout: ['timed', 'timeouts'],
  timeouts: ['timeout'],
  outage: ['down', 'unavailable'],
  down: ['outage', 'unavailable'],
  unreachable: ['unavailable', 'connectivity'],
  dns: ['resolution', 'resolver'],
  lb: ['load', 'balancer'],
  elb: ['load', 'balancer'],
  config: ['configuration'],
  configuration: ['config'],
  deploy: ['deployment', 'release', 'rollout'],
  deployment: ['deploy', 'rollout'],
  rollout: ['deploy', 'deployment'],
  rollback: ['revert', 'rolled'],
  revert: ['rollback'],
  disk: ['storage'],
  replica: ['replication', 'secondary'],
  failover: ['promotion', 'promoted'],
  auth: ['authentication', 'login'],
  login: ['authentication', 'auth'],
  expired: ['expiry', 'expiration'],
  expiry: ['expired', 'expiration'],
  queue: ['backlog'],
  backlog: ['queue'],
  cpu: ['processor'],
  spike: ['surge'],
  surge: ['spike'],
  retries: ['retry'],
  retry: ['retries'],
  ddos: ['attack'],
  leak: ['exposed', 'leaked'],
  deleted: ['deletion', 'removed'],
};

const EXPANSION_WEIGHT = 0.5;
/**
 * Typed words looked up at most. Each distinct word may load another index chunk; a sentence has
 * fewer, and a pasted log keeps its telling words (src/lib/search/pasted-text.ts).
 */
export const MAX_TYPED_WORDS = 32;
/** Phrase lookups at most: they reuse the chunks their words loaded, but each costs a search. */
const MAX_PHRASES = 12;

export function shapeQuery(text: string, synonyms: Readonly<Record<string, readonly string[]>> = SYNONYMS): ShapedQuery {
  const { words, runs } = meaningfulWords(text);
  // A query of only stop words ("what is down") still deserves an answer.
  const typed = words.length > 0 ? pickSearchWords(words, MAX_TYPED_WORDS) : [...new Set(tokenize(text).filter((w) => w.length >= 2))].slice(0, MAX_TYPED_WORDS);
  const terms = new Map<string, QueryTerm>();
  for (const word of typed) terms.set(word, { text: word, weight: 1, source: word });
  for (const word of typed) {
    for (const expansion of synonyms[word] ?? []) {
      for (const part of tokenize(expansion)) {
        if (!terms.has(part)) terms.set(part, { text: part, weight: EXPANSION_WEIGHT, source: word });
      }
    }
  }
  const kept = new Set(typed);
  const phrases = new Set<string>();
  for (const run of runs) {
    for (let i = 0; i + 1 < run.length; i++) {
      const [a, b] = [run[i]!, run[i + 1]!];
      if (kept.has(a) && kept.has(b) && a !== b) phrases.add(`${a} ${b}`);
    }
  }
  return { terms: [...terms.values()], phrases: [...phrases].slice(0, MAX_PHRASES) };
}
