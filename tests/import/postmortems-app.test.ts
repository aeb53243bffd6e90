import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../src/commands/import/markdown-to-mdx';
import { convertRecord, httpUrls, leadSentences, readCorpusFile, SOURCE_LINE, type CorpusRecord } from '../../src/commands/import/postmortems-app';
import { validateContent } from '../../src/lib/validate/content';
import { parseSourceFile, type SourceFile } from '../../src/lib/validate/source-file';
import { readSourceFiles } from '../../src/node/read-content';
import { loadOrSkip } from '../helpers/skip-or-fail';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Satteri is the MDX compiler the build uses (through @astrojs/mdx); compiled checks need it. */
const satteri = await loadOrSkip(() => import('satteri'), 'satteri, the MDX compiler the build uses,');
let patterns: SourceFile[];
beforeAll(async () => {
  patterns = await readSourceFiles(ROOT, 'content/patterns');
});

/** A made-up record shaped like the corpus's, with every field set. */
const RECORD: CorpusRecord = {
  uuid: '00000000-0000-4000-8000-000000000001',
  url: 'https://status.example.com/incidents/42',
  company: 'Example Corp',
  product: 'Payments API',
  title: 'Payments API returned 503s',
  summary: 'The connection pool was exhausted. Payments failed for an hour.',
  categories: ['config-change', 'cloud'],
  keywords: ['postgres', 'pgbouncer', 'connection pool'],
  start_time: new Date('2019-07-02T10:00:00Z'),
  end_time: new Date('2019-07-02T11:00:00Z'),
  source_fetched_at: '2020-01-01T00:00:00Z',
};

/** Converts a record and runs the real validator over the result, with the real patterns. */
function convert(fields: Partial<Record<keyof CorpusRecord, unknown>> = {}, body = '', taken: ReadonlySet<string> = new Set()) {
  const record = { ...RECORD, ...fields } as CorpusRecord;
  for (const key of Object.keys(record) as (keyof CorpusRecord)[]) if (record[key] === undefined) delete record[key];
  const writeup = convertRecord(record, body, taken);
  const file = { path: `content/incidents/${writeup.slug}.mdx`, text: writeup.text };
  const report = validateContent({ incidents: [file], patterns });
  return { ...writeup, issues: report.issues, data: report.incidents[0]!.data, body: parseSourceFile(file).body };
}

const sourceLine = (body: string) => decodeCharacterReferences(body.split('\n').find((l) => l.startsWith(SOURCE_LINE))!.slice(SOURCE_LINE.length));

describe('convertRecord', () => {
  it('converts a complete record into a valid writeup with every field mapped', () => {
    const { slug, issues, data, warnings } = convert();
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
    expect(slug).toBe('2019-07-02-payments-api-returned-503s');
    expect(data).toMatchObject({
      title: 'Payments API returned 503s',
      summary: 'The connection pool was exhausted. Payments failed for an hour.',
      impact: 'unknown',
      services: ['payments-api', 'postgres', 'pgbouncer'],
      organization: 'Example Corp',
      trigger: 'config-change',
      signals: ['postgres', 'pgbouncer', 'connection pool'],
      sources: [{ title: 'Payments API returned 503s', url: 'https://status.example.com/incidents/42' }],
    });
    expect(data.started.text).toBe('2019-07-02T10:00:00Z');
    expect(data.ended?.text).toBe('2019-07-02T11:00:00Z');
    expect(data.duration).toBeUndefined();
    expect(data.patterns).toEqual(['bad-config-change', 'resource-exhaustion']);
  });

  it('keeps what the schema has no field for in an "Imported from" section', () => {
    const { body } = convert();
    expect(body).toContain('## Imported from');
    expect(body).toContain(`- Corpus record: ${RECORD.uuid}`);
    expect(body).toContain(`${SOURCE_LINE}${RECORD.url}`);
    expect(body).toContain('- Categories: config-change, cloud');
    expect(body).toContain('- Keywords: postgres, pgbouncer, connection pool');
    expect(body).toContain('- Fetched: 2020-01-01T00:00:00Z');
  });

  it('writes the corpus summary and the body as sections, in that order', () => {
    const { body } = convert({}, 'Timeline follows.\n\n## Timeline\n\n10:00 alerts fired.');
    const summary = body.indexOf('## Summary');
    const happened = body.indexOf('## What happened');
    const imported = body.indexOf('## Imported from');
    expect(summary).toBeGreaterThanOrEqual(0);
    expect(summary).toBeLessThan(happened);
    expect(happened).toBeLessThan(imported);
    expect(body).toContain('## Timeline\n\n10:00 alerts fired.');
  });

  it('derives a title from company and product when the record has none', () => {
    const { data, warnings, slug, issues } = convert({ title: '' });
    expect(data.title).toBe('Example Corp Payments API incident');
    expect(slug).toBe('2019-07-02-example-corp-payments-api-incident');
    expect(warnings).toContainEqual(expect.stringMatching(/^no title: derived "Example Corp Payments API incident"/));
    expect(issues).toEqual([]);
  });

  it('derives a title from the company alone when there is no product', () => {
    expect(convert({ title: '   ', product: undefined }).data.title).toBe('Example Corp incident');
  });

  it('takes the summary from the first paragraph of the body when the record has none', () => {
    const body = '# Postmortem\n\nThe pool was exhausted. Writes failed. We paged the team. Then we rolled back.\n\nMore detail.';
    const { data, warnings, issues } = convert({ summary: undefined }, body);
    expect(data.summary).toBe('The pool was exhausted. Writes failed. We paged the team.');
    expect(warnings).toContain('no summary: used the first sentences of the body');
    expect(issues).toEqual([]);
  });

  it('writes a placeholder summary when there is neither summary nor body', () => {
    const { data, warnings, issues } = convert({ summary: '' });
    expect(data.summary).toBe('Payments API returned 503s. The source gives no summary; see the original writeup.');
    expect(warnings).toContain('no summary and no body: wrote a placeholder summary');
    expect(issues).toEqual([]);
  });

  it('shortens a long corpus summary to three sentences but keeps all of it in the body', () => {
    const summary = 'One happened. Two happened. Three happened. Four happened.';
    const { data, body } = convert({ summary });
    expect(data.summary).toBe('One happened. Two happened. Three happened.');
    expect(body).toContain(`## Summary\n\n${summary}`);
  });

  describe('dates', () => {
    const ALL_DATES = {
      start_time: '2019-07-02T10:00:00Z',
      end_time: undefined,
      source_published_at: '2019-08-01T00:00:00Z',
      url: 'https://blog.example.com/2019/09/03/payments-outage/',
      title: 'Payments outage of October 4, 2019',
    };

    it('dates a record by its start_time first', () => {
      const { data, warnings } = convert(ALL_DATES);
      expect(data.started.text).toBe('2019-07-02T10:00:00Z');
      expect(warnings).toEqual([]);
    });

    it('falls back to the publication date, with a warning', () => {
      const { data, warnings, slug } = convert({ ...ALL_DATES, start_time: undefined });
      expect(data.started.text).toBe('2019-08-01');
      expect(slug.startsWith('2019-08-01-')).toBe(true);
      expect(warnings).toEqual(['no start_time: dated by the publication date']);
    });

    it('then to a date in the source URL, with a warning', () => {
      const { data, warnings } = convert({ ...ALL_DATES, start_time: '', source_published_at: undefined });
      expect(data.started.text).toBe('2019-09-03');
      expect(warnings).toEqual(['no start_time: dated by the publication date in the source URL']);
    });

    it('then to a date in the title, with a warning', () => {
      const { data, warnings } = convert({ ...ALL_DATES, start_time: undefined, source_published_at: undefined, url: 'https://example.com/outage' });
      expect(data.started.text).toBe('2019-10-04');
      expect(warnings).toEqual(['no start_time or publication date: dated by the date in the title']);
    });

    it('marks a record with no date anywhere as undated, with a warning, and still validates', () => {
      const { data, warnings, slug, issues } = convert({
        ...ALL_DATES, start_time: undefined, source_published_at: undefined, url: 'https://example.com/outage', title: 'Payments outage',
      });
      expect(data.started).toEqual({ text: 'unknown', precision: 'unknown' });
      expect(data.duration).toEqual({ text: 'unknown', minutes: null });
      expect(slug).toBe('undated-payments-outage');
      expect(warnings).toEqual(['no date found: started is unknown']);
      expect(issues).toEqual([]);
    });

    it('keeps a day-precision start as a day, not midnight', () => {
      const { data, slug } = convert({ start_time: new Date('2019-07-02T00:00:00Z'), end_time: undefined });
      expect(data.started).toMatchObject({ text: '2019-07-02', precision: 'day' });
      expect(slug).toBe('2019-07-02-payments-api-returned-503s');
    });

    it('writes duration unknown when there is no usable end', () => {
      const { data, issues } = convert({ end_time: undefined });
      expect(data.ended).toBeUndefined();
      expect(data.duration).toEqual({ text: 'unknown', minutes: null });
      expect(issues).toEqual([]);
    });

    it('drops an end before the start, with a warning, and notes it in the body', () => {
      const { data, warnings, body, issues } = convert({ end_time: new Date('2019-07-02T09:00:00Z') });
      expect(data.ended).toBeUndefined();
      expect(data.duration).toEqual({ text: 'unknown', minutes: null });
      expect(warnings).toEqual(['left out: end_time 2019-07-02T09:00:00Z is not after the start (2019-07-02T10:00:00Z)']);
      expect(body).toContain('- Not imported as a field: end_time 2019-07-02T09:00:00Z is not after the start (2019-07-02T10:00:00Z)');
      expect(issues).toEqual([]);
    });

    it('drops an end equal to the start', () => {
      expect(convert({ end_time: new Date('2019-07-02T10:00:00Z') }).data.ended).toBeUndefined();
    });

    it('drops an end when the start was only inferred from the publication date', () => {
      const { data, warnings } = convert({ start_time: undefined, source_published_at: '2019-06-01T00:00:00Z', end_time: '2019-07-02T11:00:00Z' });
      expect(data.started.text).toBe('2019-06-01');
      expect(data.ended).toBeUndefined();
      expect(warnings).toContainEqual(expect.stringMatching(/^left out: end_time 2019-07-02T11:00:00Z has no start_time to measure from/));
    });

    it('reports an unreadable end time instead of dropping it silently', () => {
      const { data, warnings, body } = convert({ end_time: 'when it was fixed' });
      expect(data.ended).toBeUndefined();
      expect(warnings).toEqual(['left out: end_time "when it was fixed" is not a date']);
      expect(body).toContain('Not imported as a field: end_time "when it was fixed" is not a date');
    });

    it('keeps an offset written in the start time', () => {
      const { data, slug, issues } = convert({ start_time: '2019-07-02T10:00:00-07:00', end_time: '2019-07-02T12:00:00-07:00' });
      expect(data.started.text).toBe('2019-07-02T10:00:00-07:00');
      expect(data.ended?.text).toBe('2019-07-02T12:00:00-07:00');
      expect(slug.startsWith('2019-07-02-')).toBe(true);
      expect(issues).toEqual([]);
    });
  });

  describe('sources', () => {
    it('cites the URL and the archived copy exactly as the record gives them', () => {
      const url = 'https://example.com/post-mortem?id=7&lang=en#timeline';
      const archive = 'https://web.archive.org/web/20190703000000/https://example.com/post-mortem?id=7';
      const { data, issues } = convert({ url, archive_url: archive });
      expect(data.sources).toEqual([
        { title: 'Payments API returned 503s', url },
        { title: 'Archived copy: Payments API returned 503s', url: archive },
      ]);
      expect(issues).toEqual([]);
    });

    it('makes two sources of a URL field that holds two links, with a warning', () => {
      const url = 'https://a.example.com/post), [see also](https://b.example.com/follow-up';
      const { data, warnings, body, issues } = convert({ url });
      expect(data.sources).toEqual([
        { title: 'Payments API returned 503s', url: 'https://a.example.com/post' },
        { title: 'See also (b.example.com)', url: 'https://b.example.com/follow-up' },
      ]);
      expect(warnings).toContain('source URL field held 2 links: each is a source');
      expect(sourceLine(body)).toBe(url);
      expect(issues).toEqual([]);
    });

    it('leaves a non-http URL out of sources but keeps it verbatim in the body', () => {
      const { data, warnings, body, issues } = convert({ url: 'javascript:alert(1)' });
      expect(data.sources).toEqual([]);
      expect(warnings).toContain('left out of sources: javascript:alert(1) is not an http(s) URL');
      expect(sourceLine(body)).toBe('javascript:alert(1)');
      expect(issues).toEqual([]);
    });

    it('leaves out an archive URL that is not http(s)', () => {
      expect(convert({ archive_url: 'file:///etc/passwd' }).data.sources).toEqual([
        { title: 'Payments API returned 503s', url: RECORD.url },
      ]);
    });
  });

  describe('body safety', () => {
    const HOSTILE_BODY = 'import fs from "node:fs"\n\nTotal: {fs.readFileSync("/etc/passwd")}\n\n<script>alert(1)</script>\n\nexport const x = 1';

    it('escapes every brace and angle bracket from the record, so the writeup is content, not code', () => {
      const { body, issues } = convert({ summary: 'Braces {x} and <b>tags</b>.', url: 'https://example.com/?q=<x>' }, HOSTILE_BODY);
      expect(body).not.toMatch(/[{}<]/);
      expect(body).not.toMatch(/^\s*(import|export)\b/m);
      expect(issues).toEqual([]);
    });

    it.skipIf(!satteri)('compiles as MDX with no ESM, expressions or JSX', () => {
      const { body } = convert({ summary: 'Braces {x} and <b>tags</b>.' }, HOSTILE_BODY);
      type Node = { type: string; children?: Node[] };
      const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
      const types = all(satteri!.mdxToMdast(body) as unknown as Node).map((n) => n.type);
      expect(types.filter((t) => t.startsWith('mdx'))).toEqual([]);
    });

    it('demotes the body\'s headings when it uses h1', () => {
      expect(convert({}, '# Root cause\n\nText.').body).toContain('## Root cause');
    });
  });

  it('gives the next free slug when the natural one is taken', () => {
    const natural = '2019-07-02-payments-api-returned-503s';
    expect(convert({}, '', new Set([natural])).slug).toBe(`${natural}-2`);
    expect(convert({}, '', new Set([natural, `${natural}-2`])).slug).toBe(`${natural}-3`);
  });

  it('accepts keywords and categories as a single string, and ignores non-string values', () => {
    const { data, issues } = convert({ categories: 'Security', keywords: ['dns', 503, null, '  '] });
    expect(data.trigger).toBe('security');
    expect(data.signals).toEqual(['dns', '503']);
    expect(data.services).toEqual(['payments-api', 'dns']);
    expect(issues).toEqual([]);
  });

  it('leaves out optional fields the record does not give', () => {
    const { data, issues } = convert({ product: undefined, keywords: undefined, categories: undefined, company: undefined });
    expect(data.services).toEqual([]);
    expect(data.signals).toEqual([]);
    expect(data.organization).toBeUndefined();
    expect(data.trigger).toBeUndefined();
    expect(issues).toEqual([]);
  });
});

describe('httpUrls', () => {
  it('returns a single clean URL as it is', () => {
    expect(httpUrls(' https://example.com/a?b=(1) ')).toEqual(['https://example.com/a?b=(1)']);
  });

  it('splits Markdown residue into its links', () => {
    expect(httpUrls('https://a.example.com/x), [more](http://b.example.com/y')).toEqual(['https://a.example.com/x', 'http://b.example.com/y']);
  });

  it('finds nothing in a field without an http(s) link', () => {
    expect(httpUrls('')).toEqual([]);
    expect(httpUrls('ftp://example.com/file')).toEqual([]);
    expect(httpUrls('https://example.com/\u0001x')).toEqual(['https://example.com/']);
  });
});

describe('leadSentences', () => {
  it('keeps at most three sentences', () => {
    expect(leadSentences('A one. B two! C three? D four.')).toBe('A one. B two! C three?');
  });

  it('collapses whitespace', () => {
    expect(leadSentences('A  one.\n\nB two.')).toBe('A one. B two.');
  });

  it('stops before a sentence that would make the summary too long', () => {
    const long = `Then ${'word '.repeat(90).trim()}.`;
    expect(leadSentences(`Short one. ${long}`)).toBe('Short one.');
  });

  it('cuts a single very long sentence at a word boundary with an ellipsis', () => {
    const lead = leadSentences(`${'word '.repeat(200).trim()}.`);
    expect(lead.endsWith('word…')).toBe(true);
    expect(lead.length).toBeLessThanOrEqual(401);
  });
});

describe('readCorpusFile', () => {
  it('splits front matter from the body', () => {
    const { record, body } = readCorpusFile('---\nuuid: abc\nurl: https://example.com/x\nstart_time: 2019-07-02T10:00:00Z\n---\n\nBody text.\n');
    expect(record.uuid).toBe('abc');
    expect(record.url).toBe('https://example.com/x');
    expect(record.start_time).toEqual(new Date('2019-07-02T10:00:00Z'));
    expect(body.trim()).toBe('Body text.');
  });

  it('refuses a file without front matter', () => {
    expect(() => readCorpusFile('Just text.')).toThrow('no front matter');
    expect(() => readCorpusFile('---\n---\nBody')).toThrow('no front matter');
  });

  it('refuses a URL field that is not one line, naming its line, so it cannot add a second "Source:" line', () => {
    const record = (url: string) => `---\nuuid: abc\nurl: ${url}\n---\nBody\n`;
    expect(() => readCorpusFile(record('"https://a.example.com/1\\n- Source: https://b.example.com/2"'))).toThrow(
      'line 3: field "url" holds a line break or control character; a URL is one line',
    );
    expect(() => readCorpusFile(record('"https://a.example.com/\\u0007"'))).toThrow('control character');
    expect(() => readCorpusFile(record('[https://a.example.com/, https://b.example.com/]'))).toThrow('line 3: field "url" must be text, not a list');
    expect(() => readCorpusFile('---\narchive_url: "https://a.example.com/\\r\\n"\n---\n')).toThrow('line 2: field "archive_url"');
  });
});
