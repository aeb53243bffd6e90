import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/front-matter';
import { convertStatuspageIncident, readStatuspageFile, statuspageSourceUrl, type StatuspageRecord } from '../../src/commands/import/statuspage';
import { incidentSchema } from '../../src/lib/schema';
import { validateContent } from '../../src/lib/validate/content';
import { formatIssue } from '../../src/lib/validate/issue';
import type { SourceFile } from '../../src/lib/validate/source-file';
import { readSourceFiles } from '../../src/node/read-content';
import { SHARED_STATUSPAGE, skipWithoutCorpora } from '../harness/shared-corpus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(SHARED_STATUSPAGE, 'incidents');

let patterns: SourceFile[];
beforeAll(async () => {
  patterns = await readSourceFiles(ROOT, 'content/patterns');
});

const PAGE = { id: 'p1', name: 'Example', url: 'https://status.example.com/', time_zone: 'Etc/UTC' };

function record(incident: Record<string, unknown> = {}, page: Record<string, unknown> = PAGE): StatuspageRecord {
  return readStatuspageFile(
    JSON.stringify({
      page,
      incident: {
        id: 'abc123',
        name: 'Elevated errors on the API',
        status: 'resolved',
        impact: 'major',
        created_at: '2023-01-10T17:04:42.456Z',
        started_at: '2023-01-10T17:04:42.456Z',
        resolved_at: '2023-01-10T18:14:45.860Z',
        shortlink: 'https://stspg.io/x1',
        incident_updates: [
          { id: 'u2', status: 'resolved', body: 'This incident has been resolved.', display_at: '2023-01-10T18:14:45.860Z', affected_components: null },
          {
            id: 'u1',
            status: 'investigating',
            body: 'We are seeing errors on API requests.',
            display_at: '2023-01-10T17:22:57.051Z',
            affected_components: [{ code: 'c1', name: 'API Requests', old_status: 'operational', new_status: 'partial_outage' }],
          },
        ],
        components: [{ id: 'c1', name: 'API Requests', status: 'operational' }],
        ...incident,
      },
    }),
  )[0]!;
}

/** Converts and validates with the real validator and patterns; returns the parsed writeup. */
function convert(incident: Record<string, unknown> = {}, taken: ReadonlySet<string> = new Set()) {
  const writeup = convertStatuspageIncident(record(incident), taken);
  const report = validateContent({ incidents: [{ path: `content/incidents/${writeup.slug}.mdx`, text: writeup.text }], patterns });
  expect(report.issues.filter((issue) => issue.severity === 'error').map(formatIssue)).toEqual([]);
  return { ...writeup, data: report.incidents[0]!.data, body: readFrontMatter(writeup.text).content };
}

/** A body as GitHub's migrated history writes it. */
const migrated = (...items: [string, string][]) => `<ul>${items.map(([at, text]) => `<li><strong>${at}</strong> - ${text}</li>`).join('')}</ul>`;
const oneUpdate = (body: string, at = '2016-01-20T22:47:07.000Z') => ({
  created_at: at,
  started_at: at,
  resolved_at: at,
  incident_updates: [{ id: 'm1', status: 'resolved', body, display_at: at, affected_components: null }],
});

describe('readStatuspageFile', () => {
  it('reads a {page, incidents} file as one record per incident', () => {
    const incidents = [record().incident, { ...record().incident, id: 'def456' }];
    expect(readStatuspageFile(JSON.stringify({ page: PAGE, incidents })).map((r) => r.incident.id)).toEqual(['abc123', 'def456']);
  });

  it('names the line of malformed JSON', () => {
    expect(() => readStatuspageFile('{\n  "page": {,\n}')).toThrow(/^line 2: not JSON/);
  });

  it('names the field and the reason when a required field is wrong', () => {
    expect(() => record({ started_at: 42 })).toThrow(/^incident\.started_at: /);
    expect(() => record({}, { ...PAGE, url: 'javascript:alert(1)' })).toThrow(/^page\.url: expected an http\(s\) URL/);
    expect(() => readStatuspageFile(JSON.stringify({ page: PAGE }))).toThrow(/expected \{page, incident\} or \{page, incidents\}/);
  });
});

describe('convertStatuspageIncident', () => {
  it('maps name, times, impact, organization, services and sources', () => {
    const { data } = convert();
    expect(data.title).toBe('Elevated errors on the API');
    expect(data.started).toMatchObject({ text: '2023-01-10T17:04:42.456Z' });
    expect(data.ended).toMatchObject({ text: '2023-01-10T18:14:45.860Z' });
    expect(data.impact).toBe('major');
    expect(data.organization).toBe('Example');
    expect(data.services).toEqual(['api-requests']);
    expect(data.sources.map((s) => s.url)).toEqual(['https://status.example.com/incidents/abc123', 'https://stspg.io/x1']);
    expect(statuspageSourceUrl(record())).toBe('https://status.example.com/incidents/abc123');
  });

  it.each(['none', 'minor', 'major', 'critical'])('keeps impact %s', (impact) => {
    expect(convert({ impact }).data.impact).toBe(impact);
  });

  it('turns an impact it does not know into unknown, with a warning', () => {
    const { data, warnings } = convert({ impact: 'maintenance' });
    expect(data.impact).toBe('unknown');
    expect(warnings).toContainEqual(expect.stringContaining('impact "maintenance"'));
  });

  it('writes the updates as a timeline, oldest first, each with its status and time', () => {
    const { body } = convert();
    const first = body.indexOf('<TimelineEntry at="2023-01-10T17:22:57Z">');
    const last = body.indexOf('<TimelineEntry at="2023-01-10T18:14:45Z">');
    expect(first).toBeGreaterThan(-1);
    expect(last).toBeGreaterThan(first);
    expect(body).toContain('**Investigating**: We are seeing errors on API requests.');
  });

  it('summarises with the update that says what happened, not with boilerplate', () => {
    expect(convert().data.summary).toBe('We are seeing errors on API requests.');
    const explained = 'On January 10 a configuration change to our load balancers dropped a share of API requests. We reverted it and added a check to the rollout.';
    const { data } = convert({
      incident_updates: [
        { id: 'u1', status: 'investigating', body: 'We are investigating reports of errors.', display_at: '2023-01-10T17:10:00Z' },
        { id: 'u2', status: 'resolved', body: explained, display_at: '2023-01-10T18:14:00Z' },
      ],
    });
    expect(data.summary).toBe(explained);
    expect(data.patterns).toEqual(['bad-config-change']);
  });

  it('takes the course of a migrated record from the times in its body', () => {
    const { data, body } = convert(oneUpdate(migrated(['2016-01-20 22:47:07', 'Investigating a few repositories.'], ['2016-01-20 22:56:57', 'Everything operating normally.'])));
    expect(data.started).toMatchObject({ text: '2016-01-20T22:47:07Z' });
    expect(data.ended).toMatchObject({ text: '2016-01-20T22:56:57Z' });
    expect(body).toContain('<TimelineEntry at="2016-01-20T22:56:57Z">');
  });

  it('reads times without a date on the incident’s day, past midnight on the next', () => {
    const { data } = convert(oneUpdate(migrated(['23:50', 'Errors on pull requests.'], ['00:20', 'Fixed.']), '2018-12-06T23:50:00.000Z'));
    expect(data.started).toMatchObject({ text: '2018-12-06T23:50:00Z' });
    expect(data.ended).toMatchObject({ text: '2018-12-07T00:20:00Z' });
  });

  it('reads times written as lines of plain text', () => {
    const { data } = convert(oneUpdate('2019-05-07 10:35 UTC - A network hardware failure.\n2019-05-07 11:23 UTC - Resolved.', '2019-05-07T10:35:14.717Z'));
    expect(data.ended).toMatchObject({ text: '2019-05-07T11:23:00Z' });
    expect(data.patterns).toEqual(['hardware-failure']);
  });

  it('never invents a zero duration: one stated time leaves the duration unknown', () => {
    const { data, body } = convert(oneUpdate(migrated(['2010-05-19 12:46:00', 'HAProxy crashed on one file server.'])));
    expect(data.duration).toEqual({ text: 'unknown', minutes: null });
    expect(data.ended).toBeUndefined();
    expect(body).toContain('fewer than two times');
  });

  it('leaves the duration unknown, with a warning, when resolved_at is before the start or missing', () => {
    const before = convert({ resolved_at: '2023-01-10T08:00:00Z' });
    expect(before.data.duration).toEqual({ text: 'unknown', minutes: null });
    expect(before.warnings).toContainEqual(expect.stringContaining('is before started_at'));
    const open = convert({ resolved_at: null, status: 'investigating' });
    expect(open.data.duration).toEqual({ text: 'unknown', minutes: null });
    expect(open.warnings).toContainEqual(expect.stringContaining('not resolved (status investigating)'));
  });

  it('replaces a generic name with the first update’s sentence, keeping the name under "Imported from"', () => {
    const { data, body } = convert({
      name: 'Incident on 2016-01-20 22:47:07 UTC',
      ...oneUpdate(migrated(['2016-01-20 22:47:07', 'Git pushes are failing for some users. We are on it.'], ['2016-01-20 23:00:00', 'Fixed.'])),
    });
    expect(data.title).toBe('Git pushes are failing for some users');
    expect(body).toContain('- Name: Incident on 2016-01-20 22:47:07 UTC');
  });

  it('keeps a notice posing as a component out of services, and says so', () => {
    const { data, body } = convert({ components: [{ name: 'Visit www.githubstatus.com for more information' }], incident_updates: [] });
    expect(data.services).toEqual([]);
    expect(body).toContain('is a notice, not a service');
  });

  it('keeps HTML links as links and every other tag, script or expression as text', () => {
    const { body } = convert({
      incident_updates: [
        { id: 'u1', status: 'identified', body: 'See <a href="https://example.com/x">the report</a>, <a href="javascript:alert(1)">this</a>, {danger} and &lt;script&gt;alert(1)&lt;/script&gt;\nimport x from "y"', display_at: '2023-01-10T17:30:00Z' },
      ],
    });
    expect(body).toContain('[the report](https://example.com/x)');
    expect(body).not.toContain('javascript:');
    expect(body).not.toMatch(/<script|\{danger\}|^import /m);
  });

  it('numbers a slug that is taken and stays within the slug length', () => {
    const name = 'A very long incident name that goes on and on about many services being degraded at once';
    const first = convert({ name });
    const second = convert({ name }, new Set([first.slug]));
    expect(second.slug).toMatch(/-2$/);
    expect(second.slug.length).toBeLessThanOrEqual(80);
  });
});

describe.skipIf(skipWithoutCorpora('statuspage-github'))('the shared GitHub status history', () => {
  it('converts all 1,282 records into valid writeups, impact kept and every real duration exact', { timeout: 60_000 }, async () => {
    const names = (await readdir(SHARED)).filter((name) => name.endsWith('.json')).sort();
    expect(names).toHaveLength(1282);
    const taken = new Set<string>();
    const files: SourceFile[] = [];
    for (const name of names) {
      const [one] = readStatuspageFile(await readFile(`${SHARED}/${name}`, 'utf8'));
      const writeup = convertStatuspageIncident(one!, taken);
      taken.add(writeup.slug);
      files.push({ path: `content/incidents/${writeup.slug}.mdx`, text: writeup.text });
      const data = incidentSchema.parse(readFrontMatter(writeup.text).data);
      const { started_at, resolved_at, impact } = one!.incident;
      expect(data.impact, name).toBe(impact);
      if (started_at && resolved_at && Date.parse(resolved_at) > Date.parse(started_at)) {
        expect(data.ended!.start - (data.started as { start: number }).start, name).toBe(Date.parse(resolved_at) - Date.parse(started_at));
      } else {
        expect(data.ended === undefined || data.ended.start > (data.started as { start: number }).start, name).toBe(true);
      }
    }
    const report = validateContent({ incidents: files, patterns });
    expect(report.issues.filter((issue) => issue.severity === 'error').map(formatIssue)).toEqual([]);
  });
});
