import { describe, expect, it } from 'vitest';
import { incidentSlug, MAX_SLUG_LENGTH, slugDatePrefixes, slugify, slugProblem, uniqueIncidentSlug } from '../src/lib/slug';
import { parseTimePoint } from '../src/lib/time-point';

const at = parseTimePoint;

describe('slugProblem', () => {
  it('accepts a slug that starts with the day in started', () => {
    expect(slugProblem('2017-01-31-writes-time-out', at('2017-01-31T23:00:00Z'))).toBeNull();
    expect(slugProblem('2017-01-31-writes-time-out', at('2017-01-31'))).toBeNull();
  });

  it('accepts digits in the title part', () => {
    expect(slugProblem('2017-01-31-s3-outage-503s', at('2017-01-31'))).toBeNull();
  });

  it.each([
    ['2017-01-31-Writes-Time-Out'],
    ['2017-01-31-writes_time_out'],
    ['2017-01-31-writes--time-out'],
    ['2017-01-31-writes-time-out-'],
    ['2017-01-31-writes time out'],
    ['2017-01-31-café'],
    ['writes-time-out'],
    ['17-01-31-writes'],
  ])('rejects the badly formed slug %j, explaining the rule', (slug) => {
    expect(slugProblem(slug, at('2017-01-31'))).toBe(
      `file name "${slug}" must be YYYY-MM-DD-short-title in lowercase letters, digits and single hyphens`,
    );
  });

  it('rejects a slug whose date differs from started, naming the expected prefix', () => {
    expect(slugProblem('2017-02-01-writes-time-out', at('2017-01-31T12:00Z'))).toBe(
      'file name "2017-02-01-writes-time-out" must start with "2017-01-31-", the date in "started"',
    );
  });

  it('rejects a slug that is only a date', () => {
    expect(slugProblem('2017-01-31', at('2017-01-31'))).toMatch(/must start with "2017-01-31-"/);
  });

  it('rejects a slug longer than the maximum, giving its length', () => {
    const slug = `2017-01-31-${'a'.repeat(MAX_SLUG_LENGTH - 10)}`;
    expect(slug.length).toBe(MAX_SLUG_LENGTH + 1);
    expect(slugProblem(slug, at('2017-01-31'))).toBe(
      `file name "${slug}" is ${MAX_SLUG_LENGTH + 1} characters; keep it under ${MAX_SLUG_LENGTH}`,
    );
  });

  it('accepts a slug of exactly the maximum length', () => {
    const slug = `2017-01-31-${'a'.repeat(MAX_SLUG_LENGTH - 11)}`;
    expect(slug.length).toBe(MAX_SLUG_LENGTH);
    expect(slugProblem(slug, at('2017-01-31'))).toBeNull();
  });

  it('requires undated- when started is unknown', () => {
    expect(slugProblem('undated-writes-time-out', at('unknown'))).toBeNull();
    expect(slugProblem('2017-01-31-writes-time-out', at('unknown'))).toBe(
      'file name "2017-01-31-writes-time-out" must start with "undated-", the date in "started"',
    );
  });

  it('rejects undated- when started is known', () => {
    expect(slugProblem('undated-writes-time-out', at('2017-01-31'))).toMatch(/must start with "2017-01-31-"/);
  });

  it('takes a month prefix for a month and a year prefix for a year', () => {
    expect(slugProblem('2013-06-database-downgrade', at('2013-06'))).toBeNull();
    expect(slugProblem('2013-database-downgrade', at('2013'))).toBeNull();
  });

  it('rejects a month or year slug whose date does not match', () => {
    expect(slugProblem('2013-07-database-downgrade', at('2013-06'))).toMatch(/must start with "2013-06-"/);
    expect(slugProblem('2014-database-downgrade', at('2013'))).toMatch(/must start with "2013-"/);
  });

  it('accepts both the written date and the UTC date when an offset crosses midnight', () => {
    const started = at('2017-01-31T23:00-08:00');
    expect(slugProblem('2017-01-31-writes-time-out', started)).toBeNull();
    expect(slugProblem('2017-02-01-writes-time-out', started)).toBeNull();
    expect(slugProblem('2017-01-30-writes-time-out', started)).toMatch(/must start with "2017-01-31-"/);
  });
});

describe('slugDatePrefixes', () => {
  it('lists the written date first, then the UTC date, without duplicates', () => {
    expect(slugDatePrefixes(at('2017-01-31T23:00-08:00'))).toEqual(['2017-01-31', '2017-02-01']);
    expect(slugDatePrefixes(at('2017-01-31T23:00Z'))).toEqual(['2017-01-31']);
    expect(slugDatePrefixes(at('unknown'))).toEqual(['undated']);
  });
});

describe('slugify', () => {
  it('lowercases and joins words with single hyphens', () => {
    expect(slugify('Kinesis: slow PUTs!')).toBe('kinesis-slow-puts');
  });

  it('drops accents rather than the letters they sit on', () => {
    expect(slugify('Café déjà vu à Zürich')).toBe('cafe-deja-vu-a-zurich');
  });

  it('turns runs of punctuation and whitespace into one hyphen and trims the ends', () => {
    expect(slugify('  --DNS / TLS -- outage (again)...  ')).toBe('dns-tls-outage-again');
    expect(slugify('HTTP 503s & 504s')).toBe('http-503s-504s');
  });

  it('gives a fallback when nothing usable is left', () => {
    expect(slugify('')).toBe('incident');
    expect(slugify('!!! ???')).toBe('incident');
    expect(slugify('日本語')).toBe('incident');
  });

  it('cuts at a word boundary within the maximum length', () => {
    expect(slugify('database failover took too long', 20)).toBe('database-failover');
    expect(slugify('database failover took too long', 17)).toBe('database-failover');
    expect(slugify('database failover took too long', 16)).toBe('database');
  });

  it('keeps to 60 characters by default', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.length).toBeGreaterThan(54);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});

describe('incidentSlug', () => {
  it('prefixes the title with the date started gives', () => {
    expect(incidentSlug(at('2017-01-31T23:00:00Z'), 'Writes to the primary time out')).toBe(
      '2017-01-31-writes-to-the-primary-time-out',
    );
    expect(incidentSlug(at('2013-06'), 'Database downgrade')).toBe('2013-06-database-downgrade');
    expect(incidentSlug(at('2013'), 'Database downgrade')).toBe('2013-database-downgrade');
    expect(incidentSlug(at('unknown'), 'Database downgrade')).toBe('undated-database-downgrade');
  });

  it('uses the date as written when an offset crosses midnight', () => {
    expect(incidentSlug(at('2017-01-31T23:00-08:00'), 'Late night deploy')).toBe('2017-01-31-late-night-deploy');
  });

  it('makes slugs that pass slugProblem even for very long titles', () => {
    const title = 'A very long incident title that goes on and on about the database and the network';
    for (const started of ['2017-01-31', '2013-06', '2013', 'unknown', '2017-01-31T23:00-08:00']) {
      const slug = incidentSlug(at(started), title);
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      expect(slugProblem(slug, at(started))).toBeNull();
    }
  });
});

describe('uniqueIncidentSlug', () => {
  const title = 'A very long incident title that goes on and on about the database and the network';

  it('gives the plain slug when it is free, and numbers it from 2 when taken', () => {
    const plain = incidentSlug(at('2017-01-31'), 'Short');
    expect(uniqueIncidentSlug(at('2017-01-31'), 'Short', new Set())).toBe(plain);
    expect(uniqueIncidentSlug(at('2017-01-31'), 'Short', new Set([plain, `${plain}-2`]))).toBe(`${plain}-3`);
  });

  it('shortens the title to keep a numbered slug within the length limit', () => {
    const plain = incidentSlug(at('2017-01-31'), title);
    const numbered = uniqueIncidentSlug(at('2017-01-31'), title, new Set([plain]));
    expect(numbered).toMatch(/-2$/);
    expect(numbered.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slugProblem(numbered, at('2017-01-31'))).toBeNull();
  });
});
