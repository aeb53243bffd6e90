import { describe, expect, it } from 'vitest';
import { incidentsJson, INCIDENTS_JSON_VERSION, patternsJson, PATTERNS_JSON_VERSION } from '../../src/lib/exports/json';
import type { ExportedPattern } from '../../src/lib/exports/pattern-record';
import { exportedIncident } from '../helpers/exported-incident';

const envelope = { site: 'https://kb.example.org/kb/', generated: '2026-12-04T00:00:00.000Z' };

const incident = exportedIncident('2017-01-31-a', { title: 'Database deleted', impact: 'critical', patterns: [{ id: 'untested-backups', title: 'Untested backups' }] });

const pattern: ExportedPattern = {
  id: 'untested-backups',
  url: 'https://kb.example.org/kb/patterns/untested-backups/',
  title: 'Untested backups',
  summary: 'Summary.',
  aliases: [],
  signals: ['restore fails'],
  mitigations: ['test restores'],
  related: [],
  incidents: ['2017-01-31-a'],
};

describe('incidentsJson', () => {
  it('opens with the version, the site, when it was generated and the count, then every incident', () => {
    const text = incidentsJson(envelope, [incident]);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['version', 'site', 'generated', 'count', 'incidents']);
    expect(JSON.parse(text)).toEqual({ version: INCIDENTS_JSON_VERSION, ...envelope, count: 1, incidents: [incident] });
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('patternsJson', () => {
  it('gives every pattern under its own version, with the same envelope', () => {
    expect(JSON.parse(patternsJson(envelope, [pattern]))).toEqual({ version: PATTERNS_JSON_VERSION, ...envelope, count: 1, patterns: [pattern] });
  });
});
