/**
 * Turns what a responder types ("writes to the primary time out, pool exhausted, 503s") into
 * weighted search terms. Pagefind matches every word of a query, so a sentence finds nothing;
 * we search each meaningful word on its own and merge (rank.ts). Stop words carry no signal and
 * would only cost index chunk loads.
 */

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
const MIN_TERM_LENGTH = 2;

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

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

export function shapeQuery(text: string, synonyms: Readonly<Record<string, readonly string[]>> = SYNONYMS): ShapedQuery {
  const words = tokenize(text);
  const content = words.filter((w) => !isStopWord(w) && (w.length >= MIN_TERM_LENGTH || /\d/.test(w)));
  // A query of only stop words ("what is down") still deserves an answer.
  const typed = content.length > 0 ? content : words.filter((w) => w.length >= MIN_TERM_LENGTH);
  const terms = new Map<string, QueryTerm>();
  for (const word of typed) terms.set(word, { text: word, weight: 1, source: word });
  for (const word of typed) {
    for (const expansion of synonyms[word] ?? []) {
      for (const part of tokenize(expansion)) {
        if (!terms.has(part)) terms.set(part, { text: part, weight: EXPANSION_WEIGHT, source: word });
      }
    }
  }
  const phrases: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (!isStopWord(a) && !isStopWord(b)) phrases.push(`${a} ${b}`);
  }
  return { terms: [...terms.values()], phrases: [...new Set(phrases)] };
}
