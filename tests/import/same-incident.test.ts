import { describe, expect, it } from 'vitest';
import { daysApart, sameIncidentFinder, sameOrganization, statusPageOf, type IncidentIdentity } from '../../src/commands/import/same-incident';
import { parseTimePoint, type KnownTime } from '../../src/lib/time-point';

const known = (text: string) => parseTimePoint(text) as KnownTime;

const GITLAB: IncidentIdentity = {
  slug: '2017-01-31-rm-on-wrong-host-deletes-primary-database',
  organization: 'GitLab',
  started: known('2017-01-31T23:27:00Z'),
  title: 'rm -rf on the wrong host deletes the primary database, and the backups are empty',
  summary: 'A tired engineer wiped the data directory on the primary while replication lagged; six hours of data were lost.',
};

const record = (fields: Partial<IncidentIdentity>): IncidentIdentity => ({
  slug: '2017-01-31-gitlab-com-database-outage',
  organization: 'Gitlab',
  started: known('2017-01-31'),
  title: 'GitLab.com database outage of January 31, 2017',
  summary: 'Replication lag, a tired admin deleted the wrong directory, six hours of data lost.',
  ...fields,
});

describe('sameOrganization', () => {
  it.each([
    ['GitLab', 'Gitlab'],
    ['Amazon Web Services', 'Amazon'],
    ['Amazon Web Services', 'AWS'],
    ['Microsoft Windows Azure', 'Azure'],
    ['Facebook (Meta)', 'Facebook'],
    ['Travis CI', 'TravisCI'],
  ])('treats %s and %s as one organization', (a, b) => {
    expect(sameOrganization(a, b)).toBe(true);
  });

  it.each([
    ['GitHub', 'GitLab'],
    ['Amazon', 'Azure'],
  ])('tells %s from %s', (a, b) => {
    expect(sameOrganization(a, b)).toBe(false);
  });
});

describe('daysApart', () => {
  it('is zero when a date holds the other start, and counts whole days between spans otherwise', () => {
    expect(daysApart(known('2017-01-31T23:27Z'), known('2017-01-31'))).toBe(0);
    expect(daysApart(known('2017-01-31'), known('2017-02-03'))).toBe(2);
    expect(daysApart(known('2017-01'), known('2017-01-20T10:00Z'))).toBe(0);
  });
});

describe('statusPageOf', () => {
  it('names the status page of an incident URL, and nothing for other links', () => {
    expect(statusPageOf(['https://stspg.io/abc', 'https://www.githubstatus.com/incidents/00km0kwpz23b'])).toBe('https://githubstatus.com');
    expect(statusPageOf(['https://about.gitlab.com/blog/2017/02/01/postmortem/'])).toBeUndefined();
  });
});

describe('sameIncidentFinder', () => {
  it('finds the writeup a record repeats: same organization, same days, the same telling words', () => {
    const match = sameIncidentFinder([GITLAB]).find(record({}));
    expect(match?.writeup.slug).toBe(GITLAB.slug);
    expect(match?.shared).toEqual(expect.arrayContaining(['tire', 'wrong', 'directori']));
  });

  it('does not match a record of another organization, or four days later', () => {
    const finder = sameIncidentFinder([GITLAB]);
    expect(finder.find(record({ organization: 'GitHub' }))).toBeUndefined();
    expect(finder.find(record({ started: known('2017-02-05') }))).toBeUndefined();
  });

  it('does not match a record of the same organization and days that tells another story', () => {
    const other = record({ title: 'Slow CI runners in one region', summary: 'Build queues backed up after a runner autoscaler bug.' });
    expect(sameIncidentFinder([GITLAB]).find(other)).toBeUndefined();
  });

  it('takes one shared word when both starts are stated to the minute within two hours', () => {
    const knight: IncidentIdentity = {
      slug: '2012-08-01-stale-code',
      organization: 'Knight Capital',
      started: known('2012-08-01T13:30:00Z'),
      title: 'New code reaches seven of eight servers and an old flag wakes dead trading logic',
      summary: 'Knight Capital deployed new order-routing code to seven of eight servers.',
    };
    const copy = { slug: 'x', organization: 'Knight Capital', title: 'Knight Capital SMARS deployment incident', summary: 'Conflicting deployed versions caused a $460M loss.' };
    expect(sameIncidentFinder([knight]).find({ ...copy, started: known('2012-08-01T13:30:00Z') })?.shared).toEqual(['deploy']);
    expect(sameIncidentFinder([knight]).find({ ...copy, started: known('2012-08-01') })).toBeUndefined();
  });

  it('never calls two incidents of one status page the same incident', () => {
    const page = 'https://githubstatus.com';
    const first = { ...record({}), statusPage: page };
    const finder = sameIncidentFinder([first]);
    expect(finder.find({ ...record({ slug: 'second' }), statusPage: page })).toBeUndefined();
    expect(finder.find(record({ slug: 'from-elsewhere' }))?.writeup.slug).toBe(first.slug);
  });

  it('matches records added after it was made, so a corpus holding one incident twice imports it once', () => {
    const finder = sameIncidentFinder([]);
    finder.add(record({}));
    expect(finder.find(record({ slug: 'again' }))).toBeDefined();
  });

  it('ignores writeups without an organization or a date', () => {
    const finder = sameIncidentFinder([{ ...GITLAB, organization: undefined }, { ...GITLAB, started: parseTimePoint('unknown') }]);
    expect(finder.find(record({}))).toBeUndefined();
  });
});
