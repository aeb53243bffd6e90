import { describe, expect, it } from 'vitest';
import { FrontMatterError, locateInFrontMatter, parseSourceFile } from '../../src/lib/validate/source-file';

const parse = (text: string) => parseSourceFile({ path: 'content/incidents/x.mdx', text });

/** The FrontMatterError parsing `text` throws. */
function frontMatterError(text: string): FrontMatterError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return error;
    throw error;
  }
  throw new Error('expected a FrontMatterError');
}

// Line numbers in the comments are the 1-based file lines that `locate` must report.
const WRITEUP = [
  '---', //                              1
  'title: Writes time out', //           2
  'summary: "Pool exhausted."', //       3
  'started: 2017-01-31T23:00:00Z', //    4
  'duration: 4h30m', //                  5
  'impact: major', //                    6
  'patterns:', //                        7
  '  - retry-storm', //                  8
  '  - cascading-failure', //            9
  'services:', //                        10
  '- postgres', //                       11
  '- kubernetes', //                     12
  'signals: [HTTP 503, pool exhausted]', // 13
  'sources:', //                         14
  '  - title: First', //                 15
  '    url: https://example.com/1', //   16
  '  - title: Second', //                17
  '    url: https://example.com/2', //   18
  '# a comment', //                      19
  'related:', //                         20
  '    - 2017-01-01-earlier', //         21
  'draft: false', //                     22
  '---', //                              23
  '', //                                 24
  'Body line.', //                       25
  '',
].join('\n');

describe('parseSourceFile', () => {
  it('reads the front matter fields', () => {
    const parsed = parse(WRITEUP);
    expect(parsed.data).toMatchObject({
      title: 'Writes time out',
      summary: 'Pool exhausted.',
      duration: '4h30m',
      patterns: ['retry-storm', 'cascading-failure'],
      services: ['postgres', 'kubernetes'],
      signals: ['HTTP 503', 'pool exhausted'],
      sources: [
        { title: 'First', url: 'https://example.com/1' },
        { title: 'Second', url: 'https://example.com/2' },
      ],
      related: ['2017-01-01-earlier'],
      draft: false,
    });
    expect(parsed.data.started).toEqual(new Date(Date.UTC(2017, 0, 31, 23)));
  });

  it('gives the body after the closing fence and the line it starts on', () => {
    const parsed = parse(WRITEUP);
    expect(parsed.body).toBe('\nBody line.\n');
    expect(parsed.bodyLine).toBe(24);
  });

  it('gives an empty body when the file ends at the closing fence', () => {
    const parsed = parse('---\ntitle: x\n---');
    expect(parsed.body).toBe('');
    expect(parsed.bodyLine).toBe(4);
  });

  it('accepts empty front matter', () => {
    const parsed = parse('---\n---\nbody');
    expect(parsed.data).toEqual({});
    expect(parsed.bodyLine).toBe(3);
  });

  it('accepts a byte order mark and Windows line endings', () => {
    const parsed = parse('\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n');
    expect(parsed.data).toEqual({ title: 'x' });
    expect(parsed.body).toBe('body\n');
    expect(parsed.bodyLine).toBe(4);
  });

  it('accepts fences with trailing spaces', () => {
    expect(parse('--- \ntitle: x\n---\t\nbody').bodyLine).toBe(4);
  });

  it('gives separate objects for identical files', () => {
    const a = parse('---\ntitle: x\n---\n');
    const b = parse('---\ntitle: x\n---\n');
    a.data.title = 'changed';
    expect(b.data.title).toBe('x');
  });

  it('rejects a file with no front matter at line 1, saying how to start one', () => {
    const error = frontMatterError('title: x\n\nBody.');
    expect(error.message).toBe('the file has no front matter');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.hint).toBe('start the file with a line "---", the fields, then "---"');
  });

  it('rejects front matter that does not start on the first line', () => {
    expect(frontMatterError('\n---\ntitle: x\n---\n').message).toBe('the file has no front matter');
  });

  it('rejects front matter that is never closed', () => {
    const error = frontMatterError('---\ntitle: x\nsummary: y\n');
    expect(error.message).toBe('the front matter is never closed');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.hint).toBe('add a line "---" after the last field');
  });

  it('rejects front matter that is a list rather than fields', () => {
    const error = frontMatterError('---\n- a\n- b\n---\n');
    expect(error.message).toBe('the front matter must be a list of "field: value" lines');
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('rejects front matter that is a single value rather than fields', () => {
    expect(frontMatterError('---\njust text\n---\n').message).toBe('the front matter must be a list of "field: value" lines');
  });

  it('rejects invalid YAML, passing on the parser reason', () => {
    const error = frontMatterError('---\ntitle: x\nsummary: a: b\nimpact: major\n---\n');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^the front matter is not valid YAML: /);
  });

  it('reports the YAML error column, 1-based', () => {
    // "  bad: indent": the parser stops at the colon, the 6th character.
    expect(frontMatterError('---\ntitle: x\n  bad: indent\n---\n').column).toBe(6);
  });

  // ValidationIssue.line is the "1-based line in the file"; the bad line here is file line 3,
  // but the YAML mark (already offset by the newline after the opening fence) gets +2.
  it('reports an invalid YAML line at its 1-based line in the file', () => {
    expect(frontMatterError('---\ntitle: x\nsummary: a: b\nimpact: major\n---\n').line).toBe(3);
  });

  it('reports bad indentation at the line that has it', () => {
    expect(frontMatterError('---\ntitle: x\n  bad: indent\n---\n').line).toBe(3);
  });

  it('rejects a duplicated key as invalid YAML', () => {
    expect(frontMatterError('---\ntitle: x\ntitle: y\n---\n').message).toMatch(/duplicated mapping key/);
  });

  it('names the field that is broken, not the one where the parser gave up', () => {
    expect(frontMatterError('---\ntitle: x\nimpact: [major\npatterns:\n  - a\n---\n')).toMatchObject({ line: 3, column: 1, field: 'impact' });
    expect(frontMatterError('---\ntitle: x\nsummary: "never closed\nimpact: major\n---\n')).toMatchObject({ line: 3, field: 'summary' });
  });

  it('names the field and the column where a field is malformed', () => {
    expect(frontMatterError('---\ntitle: Writes: time out\nimpact: major\n---\n')).toMatchObject({ line: 2, column: 14, field: 'title' });
    expect(frontMatterError('---\ntitle: x\nsources:\n  - title: a\n   url: b\nimpact: y\n---\n')).toMatchObject({ line: 5, column: 4, field: 'sources' });
  });

  it('names the second of two fields with the same name', () => {
    expect(frontMatterError('---\ntitle: x\nimpact: major\ntitle: y\n---\n')).toMatchObject({ line: 4, field: 'title' });
  });
});

describe('locate', () => {
  const locate = parse(WRITEUP).locate;

  it('finds top-level keys at column 1', () => {
    expect(locate(['title'])).toEqual({ line: 2, column: 1 });
    expect(locate(['impact'])).toEqual({ line: 6, column: 1 });
    expect(locate(['patterns'])).toEqual({ line: 7, column: 1 });
    expect(locate(['draft'])).toEqual({ line: 22, column: 1 });
  });

  it('finds items of an indented list at the start of the value', () => {
    expect(locate(['patterns', 0])).toEqual({ line: 8, column: 5 });
    expect(locate(['patterns', 1])).toEqual({ line: 9, column: 5 });
  });

  it('finds items of a list written at the key own indent', () => {
    expect(locate(['services', 0])).toEqual({ line: 11, column: 3 });
    expect(locate(['services', 1])).toEqual({ line: 12, column: 3 });
  });

  it('finds items of a deeply indented list after a comment line', () => {
    expect(locate(['related', 0])).toEqual({ line: 21, column: 7 });
  });

  it('finds each item of an inline list at its own column', () => {
    expect(locate(['signals', 0])).toEqual({ line: 13, column: 11 });
    expect(locate(['signals', 1])).toEqual({ line: 13, column: 21 });
  });

  it('finds list items that are groups of fields', () => {
    expect(locate(['sources', 0])).toEqual({ line: 15, column: 5 });
    expect(locate(['sources', 1])).toEqual({ line: 17, column: 5 });
  });

  it('finds a key inside a list item, on the dash line or below it', () => {
    expect(locate(['sources', 0, 'title'])).toEqual({ line: 15, column: 5 });
    expect(locate(['sources', 0, 'url'])).toEqual({ line: 16, column: 5 });
    expect(locate(['sources', 1, 'title'])).toEqual({ line: 17, column: 5 });
    expect(locate(['sources', 1, 'url'])).toEqual({ line: 18, column: 5 });
  });

  it('falls back to the nearest enclosing field it can find', () => {
    expect(locate(['patterns', 5])).toEqual({ line: 7, column: 1 });
    expect(locate(['sources', 5, 'url'])).toEqual({ line: 14, column: 1 });
    expect(locate(['sources', 0, 'author'])).toEqual({ line: 15, column: 5 });
  });

  it('falls back to the first front matter line for a key that is not there', () => {
    expect(locate(['ended'])).toEqual({ line: 2, column: 1 });
    expect(locate([])).toEqual({ line: 2, column: 1 });
  });

  it('does not take a nested key for a top-level one', () => {
    // "url" only appears inside sources.
    expect(locate(['url'])).toEqual({ line: 2, column: 1 });
  });

  it('does not take a key in the body for a front matter key', () => {
    const parsed = parse('---\ntitle: x\n---\nimpact: major\n');
    expect(parsed.locate(['impact'])).toEqual({ line: 2, column: 1 });
  });

  it('finds quoted keys', () => {
    const parsed = parse('---\ntitle: x\n"impact": major\n---\n');
    expect(parsed.locate(['impact'])).toEqual({ line: 3, column: 2 });
  });

  it('does not confuse a key with a longer key that starts the same way', () => {
    const parsed = parse('---\nsummary_old: x\nsummary: y\n---\n');
    expect(parsed.locate(['summary'])).toEqual({ line: 3, column: 1 });
  });

  it('finds single-quoted keys at their name, and quoted list items at their opening quote', () => {
    const parsed = parse(['---', "'impact': major", 'patterns:', '  - "retry-storm"', "  - 'split-brain'", '---'].join('\n'));
    expect(parsed.locate(['impact'])).toEqual({ line: 2, column: 2 });
    expect(parsed.locate(['patterns', 1])).toEqual({ line: 5, column: 5 });
  });

  it('finds items of an inline list that hold quotes, commas and spaces', () => {
    const parsed = parse(['---', 'signals: [ "HTTP 503, then 504" ,  pool exhausted,\'x\' ]', '---'].join('\n'));
    expect([0, 1, 2].map((index) => parsed.locate(['signals', index]))).toEqual([
      { line: 2, column: 12 },
      { line: 2, column: 36 },
      { line: 2, column: 51 },
    ]);
  });

  it('finds items of an inline list written over several lines', () => {
    const parsed = parse(['---', 'patterns: [', '  retry-storm,', '  cascading-failure', ']', 'impact: major', '---'].join('\n'));
    expect(parsed.locate(['patterns', 1])).toEqual({ line: 4, column: 3 });
    expect(parsed.locate(['impact'])).toEqual({ line: 6, column: 1 });
  });

  it('finds keys inside an inline group of fields', () => {
    const parsed = parse(['---', 'sources: [{ title: A, url: "https://a.example" }, { title: B, url: ftp://b }]', '---'].join('\n'));
    expect(parsed.locate(['sources', 1])).toEqual({ line: 2, column: 51 });
    expect(parsed.locate(['sources', 1, 'url'])).toEqual({ line: 2, column: 63 });
  });

  it('skips comments, whole-line and after a value, and keys written inside them', () => {
    const parsed = parse(['---', '# impact: minor', 'title: x # impact: none', 'patterns: # the first is the cause', '  # - not-an-item', '  - retry-storm', 'impact: major', '---'].join('\n'));
    expect(parsed.locate(['impact'])).toEqual({ line: 7, column: 1 });
    expect(parsed.locate(['patterns', 0])).toEqual({ line: 6, column: 5 });
  });

  it('finds the fields after a value that spans lines, and a key that looks like one inside it', () => {
    const parsed = parse([
      '---',
      'summary: >',
      '  The pool ran dry.',
      '  impact: none',
      'title: Writes',
      '  time out',
      'patterns:',
      '  - |',
      '    retry-storm',
      '  - cascading-failure',
      'impact: major',
      '---',
    ].join('\n'));
    expect(parsed.data).toMatchObject({ summary: 'The pool ran dry. impact: none\n', title: 'Writes time out' });
    expect(parsed.locate(['summary'])).toEqual({ line: 2, column: 1 });
    expect(parsed.locate(['title'])).toEqual({ line: 5, column: 1 });
    expect(parsed.locate(['patterns', 1])).toEqual({ line: 10, column: 5 });
    expect(parsed.locate(['impact'])).toEqual({ line: 11, column: 1 });
  });

  it('finds a list item with nested fields written at the key indent', () => {
    const parsed = parse(['---', 'sources:', '- title: A', '  url: https://a.example', '- title: B', '  url: ftp://b', '---'].join('\n'));
    expect(parsed.locate(['sources', 1, 'url'])).toEqual({ line: 6, column: 3 });
  });
});

describe('locateInFrontMatter', () => {
  it('numbers lines as if the opening fence were line 1', () => {
    expect(locateInFrontMatter(['title: x', 'impact: major'], ['impact'])).toEqual({ line: 3, column: 1 });
  });
});
