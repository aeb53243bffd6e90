import { describe, expect, it } from 'vitest';
import { BODY_SECTIONS, listValue, renderWriteup } from '../src/commands/writeup-template';
import { incidentSchema } from '../src/lib/schema';
import { validateEntry } from '../src/lib/validate/content';

const PATTERNS = [{ id: 'retry-storm', title: 'Retry storm' }, { id: 'capacity-limit', title: 'Capacity limit' }];
const REQUIRED = { title: 'Writes "time" out', summary: 'Pool exhausted.', started: '2021-03-04T10:00:00Z', duration: '20m', impact: 'major', patterns: 'retry-storm' };

const check = (text: string) => validateEntry({ path: 'content/incidents/2021-03-04-writes-time-out.mdx', text }, incidentSchema, () => Object.keys(incidentSchema.shape));

describe('renderWriteup', () => {
  it('writes a writeup that the validator accepts, with every value given', () => {
    const result = check(renderWriteup({ ...REQUIRED, patterns: 'retry-storm, capacity-limit', services: 'postgres,dns', organization: 'Example: Corp' }, PATTERNS));
    expect(result.issues).toEqual([]);
    expect(result.entry?.data).toMatchObject({
      title: 'Writes "time" out', impact: 'major', patterns: ['retry-storm', 'capacity-limit'], services: ['postgres', 'dns'], organization: 'Example: Corp',
    });
  });

  it('lists every field of the data model, the optional ones commented out with their allowed values', () => {
    const text = renderWriteup(REQUIRED, PATTERNS);
    for (const field of Object.keys(incidentSchema.shape)) expect(text).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
    expect(text).toMatch(/^# ended: .*# when impact ended; give ended, duration or both$/m);
    expect(text).toMatch(/^# trigger: deploy +# deploy \| config-change \| infra-change \| upgrade \| traffic \| dependency \| hardware \| time \| security \| unknown$/m);
    expect(text).toMatch(/^# detection: alert +# alert \| customer-report \| staff \| automated-test \| unknown$/m);
    expect(text).toMatch(/^impact: major +# unknown \| none \| minor \| major \| critical$/m);
  });

  it('lists the patterns to choose from in the front matter', () => {
    expect(renderWriteup(REQUIRED, PATTERNS)).toContain('# Patterns to choose from (id: title):\n#   retry-storm: Retry storm\n#   capacity-limit: Capacity limit\n---');
  });

  it('lays out the body sections in order, with a timeline that starts when impact began', () => {
    const text = renderWriteup(REQUIRED, PATTERNS);
    expect(text.match(/^## .*$/gm)).toEqual(BODY_SECTIONS.map(([heading]) => `## ${heading}`));
    expect(text).toContain('<TimelineEntry at="2021-03-04T10:00:00Z">Impact begins.</TimelineEntry>');
  });
});

describe('listValue', () => {
  it('splits a comma-separated flag, dropping blanks', () => {
    expect(listValue(' retry-storm,, capacity-limit ,')).toEqual(['retry-storm', 'capacity-limit']);
    expect(listValue(undefined)).toEqual([]);
  });
});
