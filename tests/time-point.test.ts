import { describe, expect, it } from 'vitest';
import {
  durationBetween,
  durationRange,
  endsNotAfterStart,
  formatUtc,
  isExact,
  isKnown,
  knowsDay,
  machineReadable,
  parseTimePoint,
  TimeSyntaxError,
  utcDatePrefix,
  type KnownTime,
} from '../src/lib/time-point';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Parses a value that must be a known time. */
function known(value: string | Date): KnownTime {
  const time = parseTimePoint(value);
  if (!isKnown(time)) throw new Error(`expected a known time for ${String(value)}`);
  return time;
}

describe('parseTimePoint', () => {
  it('reads a UTC date-time with seconds at second precision', () => {
    expect(parseTimePoint('2017-01-31T23:00:00Z')).toEqual({
      text: '2017-01-31T23:00:00Z',
      precision: 'second',
      start: Date.UTC(2017, 0, 31, 23, 0, 0),
      end: Date.UTC(2017, 0, 31, 23, 0, 1),
    });
  });

  it('reads a date-time without seconds at minute precision', () => {
    expect(parseTimePoint('2017-01-31T23:00Z')).toEqual({
      text: '2017-01-31T23:00Z',
      precision: 'minute',
      start: Date.UTC(2017, 0, 31, 23, 0),
      end: Date.UTC(2017, 0, 31, 23, 1),
    });
  });

  it('reads fractional seconds at second precision, starting at the millisecond written', () => {
    const time = known('2017-01-31T23:00:05.750Z');
    expect(time.precision).toBe('second');
    expect(time.start).toBe(Date.UTC(2017, 0, 31, 23, 0, 5, 750));
  });

  it('accepts a space between date and time', () => {
    expect(known('2017-01-31 23:00Z').start).toBe(Date.UTC(2017, 0, 31, 23, 0));
  });

  it('applies a positive offset with a colon', () => {
    const time = known('2017-01-31T23:00+02:00');
    expect(time.start).toBe(Date.UTC(2017, 0, 31, 21, 0));
    expect(time.text).toBe('2017-01-31T23:00+02:00');
  });

  it('applies a negative offset without a colon', () => {
    expect(known('2017-01-31T23:00:00-0800').start).toBe(Date.UTC(2017, 1, 1, 7, 0));
  });

  it('applies an offset with minutes', () => {
    expect(known('2017-01-31T12:00+05:30').start).toBe(Date.UTC(2017, 0, 31, 6, 30));
  });

  it('reads a bare date as the whole UTC day', () => {
    expect(parseTimePoint('2017-01-31')).toEqual({
      text: '2017-01-31',
      precision: 'day',
      start: Date.UTC(2017, 0, 31),
      end: Date.UTC(2017, 1, 1),
    });
  });

  it('reads a month as the whole month, including February of a leap year', () => {
    expect(parseTimePoint('2016-02')).toEqual({
      text: '2016-02',
      precision: 'month',
      start: Date.UTC(2016, 1, 1),
      end: Date.UTC(2016, 2, 1),
    });
    expect(known('2013-12').end).toBe(Date.UTC(2014, 0, 1));
  });

  it('reads a year as the whole year', () => {
    expect(parseTimePoint('2013')).toEqual({
      text: '2013',
      precision: 'year',
      start: Date.UTC(2013, 0, 1),
      end: Date.UTC(2014, 0, 1),
    });
  });

  it('reads unknown as an unknown time', () => {
    expect(parseTimePoint('unknown')).toEqual({ text: 'unknown', precision: 'unknown' });
  });

  it('trims surrounding whitespace and keeps the trimmed text', () => {
    expect(known('  2017-01-31 ').text).toBe('2017-01-31');
    expect(parseTimePoint(' unknown ')).toEqual({ text: 'unknown', precision: 'unknown' });
  });

  it('reads a Date at midnight UTC as a bare day, as YAML produced it from one', () => {
    expect(parseTimePoint(new Date(Date.UTC(2017, 0, 31)))).toEqual({
      text: '2017-01-31',
      precision: 'day',
      start: Date.UTC(2017, 0, 31),
      end: Date.UTC(2017, 1, 1),
    });
  });

  it('reads any other Date at second precision, written in UTC', () => {
    expect(parseTimePoint(new Date(Date.UTC(2017, 0, 31, 23, 0, 0)))).toEqual({
      text: '2017-01-31T23:00:00Z',
      precision: 'second',
      start: Date.UTC(2017, 0, 31, 23),
      end: Date.UTC(2017, 0, 31, 23, 0, 1),
    });
  });

  it('rejects an invalid Date', () => {
    expect(() => parseTimePoint(new Date(Number.NaN))).toThrow(TimeSyntaxError);
  });

  it.each([['2023-02-30'], ['2023-02-29'], ['2023-04-31'], ['2023-02-30T10:00Z']])(
    'rejects the impossible calendar date %s',
    (text) => {
      expect(() => parseTimePoint(text)).toThrow(new TimeSyntaxError(`"${text}" is not a real calendar date`));
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(known('2024-02-29').start).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([['2023-13', '13'], ['2023-00', '00']])('rejects the month in %s', (text, month) => {
    expect(() => parseTimePoint(text)).toThrow(`"${text}" has no month ${month}`);
  });

  it('rejects month 13 in a full date as not a real calendar date', () => {
    expect(() => parseTimePoint('2023-13-01')).toThrow(TimeSyntaxError);
  });

  it.each([['2017-01-31T25:00Z'], ['2017-01-31T24:00Z'], ['2017-01-31T23:60Z'], ['2017-01-31T23:00:60Z']])(
    'rejects the impossible time of day in %s',
    (text) => {
      expect(() => parseTimePoint(text)).toThrow(`"${text}" has an impossible time of day`);
    },
  );

  it('rejects a date-time without a zone, asking for Z or an offset', () => {
    expect(() => parseTimePoint('2017-01-31T23:00')).toThrow(
      '"2017-01-31T23:00" has no time zone: add Z for UTC or an offset like +02:00',
    );
    expect(() => parseTimePoint('2017-01-31T23:00:00')).toThrow(/has no time zone/);
  });

  it.each([[''], ['yesterday'], ['2017-1-3'], ['31/01/2017'], ['17'], ['Unknown'], ['2017-01-31T23Z']])(
    'rejects %j, showing the accepted forms',
    (text) => {
      expect(() => parseTimePoint(text)).toThrow(
        `is not a date: write it like 2017-01-31T23:00:00Z, 2017-01-31, 2017-01, 2017 or unknown`,
      );
    },
  );

  it('throws TimeSyntaxError, an Error subclass', () => {
    expect(() => parseTimePoint('nope')).toThrow(TimeSyntaxError);
    expect(() => parseTimePoint('nope')).toThrow(Error);
  });

  // The `start` doc says "earliest instant the value can mean"; Date.UTC maps years 0-99 to 1900-1999.
  it('reads a year below 100 as that year, not as 19xx', () => {
    const time = known('0099');
    expect(new Date(time.start).getUTCFullYear()).toBe(99);
    expect(time.end).toBeGreaterThan(time.start);
  });
});

describe('isKnown and isExact', () => {
  it('tells known from unknown times', () => {
    expect(isKnown(parseTimePoint('2017'))).toBe(true);
    expect(isKnown(parseTimePoint('unknown'))).toBe(false);
  });

  it('calls only minute and second precision exact', () => {
    expect(isExact(known('2017-01-31T23:00Z'))).toBe(true);
    expect(isExact(known('2017-01-31T23:00:00Z'))).toBe(true);
    expect(isExact(known('2017-01-31'))).toBe(false);
    expect(isExact(known('2017-01'))).toBe(false);
    expect(isExact(known('2017'))).toBe(false);
  });
});

describe('knowsDay', () => {
  it('is true for a date or an instant, false for a month or a year', () => {
    expect(knowsDay(known('2017-01-31'))).toBe(true);
    expect(knowsDay(known('2017-01-31T23:00Z'))).toBe(true);
    expect(knowsDay(known('2017-01'))).toBe(false);
    expect(knowsDay(known('2017'))).toBe(false);
  });
});

describe('endsNotAfterStart', () => {
  it('is false when an exact end is after an exact start', () => {
    expect(endsNotAfterStart(known('2017-01-31T23:00Z'), known('2017-01-31T23:01Z'))).toBe(false);
  });

  it('is true when exact start and end are the same instant', () => {
    expect(endsNotAfterStart(known('2017-01-31T23:00Z'), known('2017-01-31T23:00:00Z'))).toBe(true);
  });

  it('is true when the exact end is before the exact start', () => {
    expect(endsNotAfterStart(known('2017-01-31T23:00Z'), known('2017-01-31T22:59Z'))).toBe(true);
  });

  it('compares instants, not written text, across offsets', () => {
    // 23:30+02:00 is 21:30Z, before 22:00Z.
    expect(endsNotAfterStart(known('2017-01-31T22:00Z'), known('2017-01-31T23:30+02:00'))).toBe(true);
  });

  it('allows a start and end on the same day when both are bare dates', () => {
    expect(endsNotAfterStart(known('2017-01-31'), known('2017-01-31'))).toBe(false);
  });

  it('allows a bare end date on the day an exact start falls', () => {
    expect(endsNotAfterStart(known('2017-01-31T22:00Z'), known('2017-01-31'))).toBe(false);
  });

  it('rejects a bare end date that is entirely before the start', () => {
    expect(endsNotAfterStart(known('2017-01-31T22:00Z'), known('2017-01-30'))).toBe(true);
    expect(endsNotAfterStart(known('2017-02'), known('2017-01-31'))).toBe(true);
    expect(endsNotAfterStart(known('2017'), known('2016-12'))).toBe(true);
  });

  it('allows an end month that contains the start', () => {
    expect(endsNotAfterStart(known('2017-01-31'), known('2017-01'))).toBe(false);
  });
});

describe('durationRange', () => {
  it('gives a single value for two exact instants', () => {
    expect(durationRange(known('2017-01-31T23:00Z'), known('2017-02-01T01:30Z'))).toEqual({ min: 150, max: 150 });
  });

  it('measures exact instants across offsets in UTC', () => {
    expect(durationRange(known('2017-01-31T23:00+01:00'), known('2017-01-31T23:00Z'))).toEqual({ min: 60, max: 60 });
  });

  it('widens consecutive bare dates to anything from zero to two days', () => {
    expect(durationRange(known('2017-01-31'), known('2017-02-01'))).toEqual({ min: 0, max: 2 * 24 * 60 });
  });

  it('widens the same bare date to anything up to one day', () => {
    expect(durationRange(known('2017-01-31'), known('2017-01-31'))).toEqual({ min: 0, max: 24 * 60 });
  });

  it('gives a positive minimum when bare dates are days apart', () => {
    expect(durationRange(known('2017-01-01'), known('2017-01-04'))).toEqual({ min: 2 * 1440, max: 4 * 1440 });
  });

  it('widens an exact start and a bare end date by the end date only', () => {
    expect(durationRange(known('2017-01-31T23:00Z'), known('2017-02-01'))).toEqual({
      min: (Date.UTC(2017, 1, 1) - Date.UTC(2017, 0, 31, 23, 1)) / MINUTE,
      max: 25 * 60,
    });
  });

  it('widens months to their full length', () => {
    expect(durationRange(known('2017-01'), known('2017-02'))).toEqual({ min: 0, max: (31 + 28) * 1440 });
  });
});

describe('durationBetween', () => {
  const DAY = 1440;

  it('is exact between two instants, whatever their precision of minute or second', () => {
    expect(durationBetween(known('2017-01-31T23:00Z'), known('2017-02-01T01:30:30Z'))).toEqual({ kind: 'exact', minutes: 150.5 });
  });

  it('is a range from dates between two dates', () => {
    expect(durationBetween(known('2022-04-07'), known('2022-04-14'))).toEqual({ kind: 'range', min: 6 * DAY, max: 8 * DAY, from: 'day' });
  });

  it('is a range from dates between an instant and a date, either way round', () => {
    expect(durationBetween(known('2022-04-07T10:00Z'), known('2022-04-14'))).toMatchObject({ kind: 'range', from: 'day', max: 7 * DAY - 10 * 60 + DAY });
    expect(durationBetween(known('2022-04-07'), known('2022-04-14T10:00Z'))).toMatchObject({ kind: 'range', from: 'day', min: 6 * DAY + 10 * 60 });
  });

  it('is a range from months when either end is a month', () => {
    expect(durationBetween(known('2022-01'), known('2022-04-14'))).toMatchObject({ kind: 'range', from: 'month' });
    expect(durationBetween(known('2022-01-10T08:00Z'), known('2022-07'))).toMatchObject({ kind: 'range', from: 'month' });
    expect(durationBetween(known('2022-01'), known('2022-07'))).toEqual({ kind: 'range', min: (181 - 31) * DAY, max: 212 * DAY, from: 'month' });
  });

  it('is a range from years when either end is only a year, even beside a month', () => {
    expect(durationBetween(known('2013'), known('2014-06'))).toMatchObject({ kind: 'range', from: 'year' });
    expect(durationBetween(known('2013-03-01'), known('2014'))).toMatchObject({ kind: 'range', from: 'year' });
  });
});

describe('utcDatePrefix', () => {
  it('gives the UTC date of an exact time', () => {
    expect(utcDatePrefix(known('2017-01-31T23:00Z'))).toBe('2017-01-31');
  });

  it('moves to the next UTC day when a negative offset crosses midnight', () => {
    expect(utcDatePrefix(known('2017-01-31T23:00-08:00'))).toBe('2017-02-01');
  });

  it('moves to the previous UTC day when a positive offset crosses midnight', () => {
    expect(utcDatePrefix(known('2017-02-01T01:00+02:00'))).toBe('2017-01-31');
  });

  it('keeps the precision of coarse dates', () => {
    expect(utcDatePrefix(known('2017-01-31'))).toBe('2017-01-31');
    expect(utcDatePrefix(known('2013-06'))).toBe('2013-06');
    expect(utcDatePrefix(known('2013'))).toBe('2013');
  });
});

describe('formatUtc', () => {
  it('shows each precision without padding it', () => {
    expect(formatUtc(known('2017'))).toBe('2017');
    expect(formatUtc(known('2013-06'))).toBe('Jun 2013');
    expect(formatUtc(known('2017-01-31'))).toBe('31 Jan 2017');
    expect(formatUtc(known('2017-01-31T23:00Z'))).toBe('31 Jan 2017, 23:00 UTC');
    expect(formatUtc(known('2017-01-31T23:05:59Z'))).toBe('31 Jan 2017, 23:05 UTC');
  });

  it('shows an offset time in UTC, on the UTC day', () => {
    expect(formatUtc(known('2017-01-31T23:00-08:00'))).toBe('1 Feb 2017, 07:00 UTC');
  });

  it('pads hours and minutes to two digits', () => {
    expect(formatUtc(known('2017-03-04T05:06Z'))).toBe('4 Mar 2017, 05:06 UTC');
  });

  it('shows a midnight-UTC date as that day even though the local zone is behind UTC', () => {
    expect(formatUtc(known(new Date(Date.UTC(2017, 0, 1))))).toBe('1 Jan 2017');
    expect(formatUtc(known('2017-12'))).toBe('Dec 2017');
  });

  it('shows unknown as unknown', () => {
    expect(formatUtc(parseTimePoint('unknown'))).toBe('unknown');
  });
});

describe('machineReadable', () => {
  it('gives a value at the precision written', () => {
    expect(machineReadable(known('2013'))).toBe('2013');
    expect(machineReadable(known('2013-06'))).toBe('2013-06');
    expect(machineReadable(known('2017-01-31'))).toBe('2017-01-31');
  });

  it('gives exact times in UTC with a Z and no milliseconds', () => {
    expect(machineReadable(known('2017-01-31T23:00Z'))).toBe('2017-01-31T23:00:00Z');
    expect(machineReadable(known('2017-01-31T23:00:00-08:00'))).toBe('2017-02-01T07:00:00Z');
  });

  it('gives the UTC start of a day even when the local zone is behind UTC', () => {
    expect(machineReadable(known('2017-01-01'))).toBe('2017-01-01');
    expect(known('2017-01-01').end - known('2017-01-01').start).toBe(DAY);
  });
});
