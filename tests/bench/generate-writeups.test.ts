import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWriteups } from '../../bench/support/generate-writeups';
import { temporaryFolders } from '../helpers/temporary-folders';

const newFolder = temporaryFolders('kb-generate-writeups-');

async function writeupsIn(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(join(dir, 'incidents'))).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, 'incidents', name), 'utf8')] as const)));
}

describe('generateWriteups', () => {
  it('writes the same writeups on every run, so every benchmark run builds the same site', async () => {
    const [first, second] = [await newFolder(), await newFolder()];
    await generateWriteups(first, 20);
    await generateWriteups(second, 20);
    const writeups = await writeupsIn(first);
    expect(writeups.size).toBe(20);
    expect(await writeupsIn(second)).toEqual(writeups);
  });
});
