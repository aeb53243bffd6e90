/**
 * How the postmortems-app corpus's categories and keywords map onto our failure patterns.
 * This table is the documented mapping (README, "Import a corpus"): a rule fires when the record
 * has one of its categories, or when one of its phrases occurs in the title, summary or keywords. Categories that name a
 * domain rather than a failure (`cloud`, `undescriptive`) map to nothing on their own.
 */

export interface PatternRule {
  pattern: string;
  /** Corpus categories that imply the pattern outright. */
  categories?: readonly string[];
  /** Case-insensitive phrases matched on word boundaries in title, summary and keywords. */
  phrases?: readonly RegExp[];
}

export const PATTERN_RULES: readonly PatternRule[] = [
  { pattern: 'bad-config-change', categories: ['config-change'], phrases: [/\bconfig(uration)? (change|push|error|update)/, /\bmisconfigur/] },
  { pattern: 'automation-gone-wrong', categories: ['automation'], phrases: [/\bautomat(ion|ed) (tool|script|system)/, /\bscript (deleted|removed|ran)/] },
  { pattern: 'cascading-failure', categories: ['cascading-failure'], phrases: [/\bcascad/] },
  { pattern: 'hardware-failure', categories: ['hardware'], phrases: [/\bpower (loss|outage|failure|cut)/, /\bhardware (failure|fault)/, /\b(disk|drive|nic|switch|router) failure/, /\bfib(er|re) cut/, /\bgenerator/, /\bcooling/, /\bdata ?cent(er|re) (outage|power)/] },
  { pattern: 'security-breach', categories: ['security'], phrases: [/\bbreach/, /\b(token|credential|key|secret)s? (leak|exposed|compromise)/, /\bcompromis/, /\bddos\b/, /\bunauthori[sz]ed access/, /\bvulnerab/] },
  { pattern: 'time-and-leap-second-bugs', categories: ['time'], phrases: [/\bleap (second|year|day)/, /\bclock (skew|drift)/, /\btime ?zone/, /\bdaylight saving/, /\bntp\b/, /\by2k/] },
  { pattern: 'certificate-expiry', phrases: [/\bcertificates? (expir|had expired)/, /\bexpired (ssl |tls )?certificate/, /\bcert(ificate)? expiry/] },
  { pattern: 'dns-failure', phrases: [/\bdns\b/] },
  { pattern: 'network-configuration-error', phrases: [/\bbgp\b/, /\broute leak/, /\brouting (change|error|table)/, /\bnetwork (configuration|config|change)/] },
  { pattern: 'retry-storm', phrases: [/\bretr(y|ies) storm/, /\bthundering herd/, /\breconnect(ion)? storm/, /\bretr(y|ies)\b/] },
  { pattern: 'split-brain', phrases: [/\bsplit[- ]brain/, /\bnetwork partition/] },
  { pattern: 'deadlock', phrases: [/\bdeadlock/, /\block contention/] },
  { pattern: 'resource-exhaustion', phrases: [/\bdisk (full|space)/, /\bout of (memory|disk|space)/, /\boom\b/, /\bexhaust/, /\bfile descriptors?/, /\bconnection pool/, /\bmemory leak/, /\bran out of/, /\binteger overflow/] },
  { pattern: 'capacity-limit', phrases: [/\bcapacity/, /\boverload/, /\b(traffic|load) (spike|surge)/, /\brate limit/] },
  { pattern: 'schema-migration', phrases: [/\b(schema|database) migration/, /\bmigration/] },
  { pattern: 'bad-deploy', phrases: [/\bdeploy(ment|ed)?\b/, /\brollout\b/, /\bbad (release|build|push)/] },
  { pattern: 'untested-backups', phrases: [/\bbackups?\b/, /\brestore from/] },
  { pattern: 'data-loss-in-failover', phrases: [/\bfailover\b.*\bdata loss/, /\bdata loss\b.*\bfailover/, /\blost (writes|data) (during|after) failover/] },
  { pattern: 'dependency-outage', phrases: [/\bthird[- ]party/, /\bupstream (provider|service)/, /\bdependency (outage|failure)/] },
  { pattern: 'human-error-in-operational-command', phrases: [/\btypo/, /\bhuman error/, /\bwrong (server|host|database|cluster|command)/, /\baccidental(ly)?\b/, /\bmistaken(ly)?\b/] },
  { pattern: 'health-check-misconfiguration', phrases: [/\bhealth ?checks?\b/] },
  { pattern: 'alerting-path-failure', phrases: [/\bno alerts? (fired|triggered)/, /\balert(ing)? (did not|didn't|failed)/, /\bmonitoring (gap|failed|did not)/] },
  { pattern: 'single-point-of-failure', phrases: [/\bsingle point of failure/, /\bspof\b/] },
  { pattern: 'noisy-neighbour', phrases: [/\bnoisy neighbou?r/] },
  { pattern: 'version-skew', phrases: [/\bversion (skew|mismatch)/, /\bincompatib/] },
  { pattern: 'gray-failure', phrases: [/\bgr[ae]y failure/, /\bpartial(ly)? (failure|degrad)/, /\bzombie/] },
  { pattern: 'upgrade-gone-wrong', phrases: [/\bupgrad(e|ed|ing)\b/] },
];

/** The pattern given to a record no rule matches, so it is imported (and findable) rather than dropped. */
export const FALLBACK_PATTERN = 'unclassified';

/** Pattern ids for a record, in rule order, at most `limit`. */
export function matchPatterns(
  record: { title: string; summary: string; keywords: readonly string[]; categories: readonly string[] },
  limit = 4,
): string[] {
  const text = [record.title, record.summary, ...record.keywords].join(' \n ').toLowerCase();
  const categories = new Set(record.categories.map((c) => c.toLowerCase()));
  const matched = PATTERN_RULES.filter(
    (rule) => rule.categories?.some((c) => categories.has(c)) || rule.phrases?.some((phrase) => phrase.test(text)),
  ).map((rule) => rule.pattern);
  return matched.length > 0 ? matched.slice(0, limit) : [FALLBACK_PATTERN];
}
