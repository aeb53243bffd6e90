import { describe, expect, it } from 'vitest';
import { BODY_SECTIONS, listValue, renderWriteup } from '../src/commands/writeup-template';
import { describeFields, incidentSchema } from '../src/lib/schema';
import { validateEntry } from '../src/lib/validate/content';

const PATTERNS = [{ id: 'retry-storm', title: 'Retry storm' }, { id: 'capacity-limit', title: 'Capacity limit' }];
const VALUES = { title: 'Writes "time" out', summary: 'Pool exhausted.', started: '2021-03-04T10:00:00Z', duration: '20m', impact: 'major', patterns: 'retry-storm' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const check = (text: string) => validateEntry({ path: 'content/incidents/2021-03-04-writes-time-out.mdx', text }, incidentSchema, () => Object.keys(incidentSchema.shape));

describe('renderWriteup', () => {
  it('writes a writeup that the validator accepts, with every value given', () => {
    const result = check(renderWriteup({ ...VALUES, patterns: 'retry-storm, capacity-limit', services: 'postgres,dns', organization: 'Example: Corp' }, PATTERNS));
    expect(result.issues).toEqual([]);
    expect(result.entry?.data).toMatchObject({
      title: 'Writes "time" out', impact: 'major', patterns: ['retry-storm', 'capacity-limit'], services: ['postgres', 'dns'], organization: 'Example: Corp',
    });
  });

  it('lists every field of the schema in its order, each beside its description from the schema', () => {
    const text = renderWriteup(VALUES, PATTERNS);
    const fieldLines = text.split('\n').filter((line) => /^(# )?[a-z]+:/.test(line));
    expect(fieldLines.map((line) => /^(?:# )?([a-z]+):/.exec(line)![1])).toEqual(Object.keys(incidentSchema.shape));
    for (const { name, description } of describeFields(incidentSchema)) {
      expect(fieldLines.find((line) => line.replace(/^# /, '').startsWith(`${name}:`))).toMatch(new RegExp(` # ${escape(description)}(: .*)?$`));
    }
  });

  it('fills in the fields the schema requires and comments out the optional ones with an example', () => {
    const text = renderWriteup(VALUES, PATTERNS);
    const required = Object.entries(incidentSchema.shape).filter(([, field]) => !field.safeParse(undefined).success).map(([name]) => name);
    for (const name of Object.keys(incidentSchema.shape)) {
      const filled = required.includes(name) || name in VALUES;
      expect(text).toMatch(new RegExp(`^${filled ? '' : '# '}${name}:`, 'm'));
    }
    expect(text).toMatch(/^# ended: "2017-02-01T03:30:00Z" +# When impact ended, after started; give ended, duration or both$/m);
    expect(text).toContain('# sources:                         # The original public writeups, each a title and an http(s) url\n#   - title: Postmortem of the outage\n#     url: https://example.com/postmortem\n');
  });

  it('writes an optional field uncommented when a value is given for it', () => {
    const text = renderWriteup({ ...VALUES, services: 'postgres, dns', organization: 'Example Corp' }, PATTERNS);
    expect(text).toMatch(/^services: +# Lowercase slugs of the systems involved\n  - postgres\n  - dns$/m);
    expect(text).toMatch(/^organization: "Example Corp" +# Who had the incident$/m);
  });

  it('lists the values an enum field allows, from the schema', () => {
    const text = renderWriteup(VALUES, PATTERNS);
    expect(text).toMatch(/^impact: major +# How bad it was, .*: unknown \| none \| minor \| major \| critical$/m);
    expect(text).toMatch(/^# trigger: deploy +# What set it off: deploy \| config-change \| infra-change \| upgrade \| traffic \| dependency \| hardware \| time \| security \| unknown$/m);
    expect(text).toMatch(/^# detection: alert +# How it was noticed: alert \| customer-report \| staff \| automated-test \| unknown$/m);
  });

  it('leaves a required value nobody gave empty, for the validator to report', () => {
    const text = renderWriteup({}, PATTERNS);
    expect(text).toMatch(/^title: "" +# /m);
    expect(text).toMatch(/^impact: +# /m);
    expect(text).toMatch(/^patterns: +# [^\n]*\n# services:/m);
  });

  it('lists the patterns to choose from in the front matter', () => {
    expect(renderWriteup(VALUES, PATTERNS)).toContain('# Patterns to choose from (id: title):\n#   retry-storm: Retry storm\n#   capacity-limit: Capacity limit\n---');
  });

  it('lays out the body sections in order, with a timeline that starts when impact began', () => {
    const text = renderWriteup(VALUES, PATTERNS);
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
