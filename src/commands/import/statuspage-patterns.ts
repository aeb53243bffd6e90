/**
 * Failure patterns from what a status page says. Status updates are written mid-incident and
 * mostly describe symptoms ("elevated error rates", "degraded performance") and recovery ("we
 * have deployed a fix", "monitoring"), so these rules fire only on a stated cause and are
 * narrower than the postmortems rules (src/commands/import/pattern-rules.ts): "deployed a fix" is not
 * a bad deploy. This table is the documented mapping (README, "Import a corpus").
 */
import { FALLBACK_PATTERN } from './pattern-rules';

export interface StatusPatternRule {
  pattern: string;
  /** Case-insensitive phrases matched in the incident name and every update. */
  phrases: readonly RegExp[];
}

export const STATUS_PATTERN_RULES: readonly StatusPatternRule[] = [
  { pattern: 'security-breach', phrases: [/\bddos\b/i, /\bdenial[- ]of[- ]service/i, /\b(volumetric|malicious) (attack|traffic)/i] },
  { pattern: 'hardware-failure', phrases: [/\b(network )?hardware (failure|fault|issue|problem)/i, /\bpower (outage|loss|failure|issue)/i, /\bfailed (disk|drive|switch|router|hardware)/i, /\b(disk|drive|switch|router) failure/i] },
  { pattern: 'dns-failure', phrases: [/\bdns\b/i] },
  { pattern: 'certificate-expiry', phrases: [/\bcertificates? (expir|had expired|has expired)/i, /\bexpired (ssl |tls )?certificate/i] },
  { pattern: 'network-configuration-error', phrases: [/\bbgp\b/i, /\brouting (issue|change|problem|error)/i, /\bnetwork (configuration|config) change/i] },
  { pattern: 'bad-config-change', phrases: [/\bconfiguration (change|error|issue)/i, /\bmisconfigur/i, /\bconfig change/i] },
  { pattern: 'bad-deploy', phrases: [/\b(recent|bad|faulty|problematic) (deploy|deployment|release)\b/i, /\bdeploy(ment)? (that )?(caused|introduced)/i, /\brolled back (a|the) (recent )?(deploy|deployment|change)/i, /\breverted (a|the) (recent )?(deploy|deployment|change)/i] },
  { pattern: 'capacity-limit', phrases: [/\bcapacity (issue|problem|constraint|limit)/i, /\bload spike/i, /\b(high|heavy|increased) load\b/i, /\boverload/i, /\b(traffic|request) (spike|surge)/i] },
  { pattern: 'resource-exhaustion', phrases: [/\bout of (memory|disk|space)/i, /\bdisk (full|space)/i, /\bexhaust(ed|ion)\b/i, /\bconnection pool/i, /\bmemory leak/i] },
  { pattern: 'dependency-outage', phrases: [/\b(third[- ]party|upstream) (provider|service|dependency|vendor)/i, /\bour (cdn|dns|hosting|cloud) provider/i] },
  { pattern: 'deadlock', phrases: [/\bdeadlock/i, /\block contention/i] },
  { pattern: 'retry-storm', phrases: [/\bretry storm/i, /\bthundering herd/i] },
  { pattern: 'schema-migration', phrases: [/\b(schema|database) migration/i] },
  { pattern: 'upgrade-gone-wrong', phrases: [/\b(an|the|a recent) upgrade (caused|introduced)/i, /\bfollowing (an|the) upgrade/i, /\bafter (an|the) upgrade/i] },
];

/** Pattern ids for a status-page incident, in rule order, at most `limit`; `unclassified` when none fires. */
export function statusPatterns(texts: readonly string[], limit = 4): string[] {
  const text = texts.join('\n');
  const matched = STATUS_PATTERN_RULES.filter((rule) => rule.phrases.some((phrase) => phrase.test(text))).map((rule) => rule.pattern);
  return matched.length > 0 ? matched.slice(0, limit) : [FALLBACK_PATTERN];
}
