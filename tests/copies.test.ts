import { describe, expect, it } from 'vitest';
import { findCopies, type WriteupText } from '../src/lib/copies';
import { incidentData } from './helpers/incident-fixtures';

const GITLAB = {
  organization: 'GitLab',
  started: '2017-01-31T23:27:00Z',
  title: 'rm -rf on the wrong host deletes the primary database',
  summary: 'A tired engineer wiped the data directory on the primary while replication lagged. Six hours of data were lost.',
};

const writeup = (id: string, fields: Record<string, unknown>, body = 'Body.'): WriteupText => ({ id, data: incidentData(fields), body });
const IMPORTED = '## What happened\n\nText.\n\n## Imported from\n\n- Source: https://example.com/a';

describe('findCopies', () => {
  it('keeps the hand-written writeup and names the imported copy of its incident', () => {
    const copies = findCopies([
      writeup('2017-01-31-gitlab-com-database-outage', { ...GITLAB, organization: 'Gitlab', title: 'GitLab.com database outage of January 31, 2017' }, IMPORTED),
      writeup('2017-01-31-rm-on-wrong-host', GITLAB),
    ]);
    expect(copies).toEqual(new Map([['2017-01-31-gitlab-com-database-outage', '2017-01-31-rm-on-wrong-host']]));
  });

  it('between two imported copies keeps the one with more sources', () => {
    const sources = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Source ${i}`, url: `https://example.com/${i}` }));
    const copies = findCopies([
      writeup('2017-01-31-a', { ...GITLAB, sources: sources(1) }, IMPORTED),
      writeup('2017-01-31-b', { ...GITLAB, sources: sources(2) }, IMPORTED),
    ]);
    expect(copies).toEqual(new Map([['2017-01-31-a', '2017-01-31-b']]));
  });

  it('never calls a hand-written writeup a copy, as a weekly incident log writes several alike', () => {
    expect(findCopies([writeup('2017-01-31-a', GITLAB), writeup('2017-01-31-b', { ...GITLAB, title: 'Another day, another database' })]).size).toBe(0);
  });

  it('leaves distinct incidents alone, and two incidents of one status page even when they read alike', () => {
    const status = (id: string) => ({ ...GITLAB, sources: [{ title: 'Status', url: `https://www.githubstatus.com/incidents/${id}` }] });
    expect(findCopies([writeup('2017-01-31-a', status('aaa'), IMPORTED), writeup('2017-01-31-b', status('bbb'), IMPORTED)]).size).toBe(0);
    expect(findCopies([writeup('2017-01-31-a', GITLAB), writeup('2017-01-31-c', { ...GITLAB, organization: 'Example' }, IMPORTED)]).size).toBe(0);
  });
});
