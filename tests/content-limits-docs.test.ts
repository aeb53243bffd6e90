/** CONTRIBUTING.md's table of limits is what writers read; it must say what src/lib/content-limits.ts enforces. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  MAX_BODY_NESTING,
  MAX_BODY_PROBLEMS_REPORTED,
  MAX_FILE_BYTES,
  MAX_FOOTNOTE_MARKERS,
  MAX_FRONT_MATTER_CHARACTERS,
  MAX_FRONT_MATTER_DEPTH,
  MAX_FRONT_MATTER_VALUES,
  MAX_ITEMS,
  MAX_LENGTH,
  MAX_PARAGRAPH_MARKUP,
} from '../src/lib/content-limits';

const contributing = await readFile(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');
const row = (what: string) => contributing.split('\n').find((line) => line.startsWith(`| ${what} |`)) ?? '';
const count = (n: number) => n.toLocaleString('en-US');

describe('the limits in CONTRIBUTING.md', () => {
  it('give the file size, the alias expansion, the body’s nesting and crowding, and the problems listed', () => {
    expect(row('file')).toContain(`${MAX_FILE_BYTES / 1024} KB`);
    expect(row('YAML aliases')).toContain(`${count(MAX_FRONT_MATTER_VALUES)} values or ${MAX_FRONT_MATTER_CHARACTERS / 1024} KB, nested at most ${MAX_FRONT_MATTER_DEPTH} levels`);
    expect(row('body nesting')).toContain(`at most ${MAX_BODY_NESTING} levels`);
    expect(row('footnotes')).toContain(`at most ${MAX_FOOTNOTE_MARKERS} footnote markers`);
    expect(row('crowded paragraphs')).toContain(`at most ${count(MAX_PARAGRAPH_MARKUP)} tags`);
    expect(contributing).toContain(`A body's first ${MAX_BODY_PROBLEMS_REPORTED} problems are listed`);
  });

  it('give every text field’s length and every list’s count that are enforced', () => {
    const text = row('text fields');
    for (const [field, words] of [['title', '`title`'], ['summary', '`summary`'], ['name', 'organization name'], ['signal', 'a signal'], ['mitigation', 'a mitigation'], ['sourceTitle', 'a source title'], ['url', 'a URL']] as const) {
      expect(text, field).toContain(`${words} ${count(MAX_LENGTH[field])}`);
    }
    const lists = row('lists');
    for (const [field, limit] of Object.entries(MAX_ITEMS)) {
      expect(lists, field).toMatch(new RegExp(`\`${field}\` ${limit}\\b`));
    }
  });
});
