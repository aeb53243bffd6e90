/**
 * Writeups generated from the shared corpus's text (real sentences, shuffled into new bodies),
 * for benchmarks at sizes no real corpus has. Seeded, so every run builds the same site.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomLcg } from 'd3';
import { PROJECT_ROOT } from '../../tests/harness/site-build';
import { SHARED_CORPUS } from '../../tests/harness/shared-corpus';
import { readFrontMatter, writeFrontMatter } from '../../src/lib/front-matter';
import { IMPACT_LEVELS } from '../../src/lib/impact';

async function corpusParagraphs(): Promise<string[]> {
  const names = (await readdir(SHARED_CORPUS)).filter((n) => n.endsWith('.md') && n !== 'README.md');
  const paragraphs: string[] = [];
  for (const name of names) {
    const { content } = readFrontMatter(await readFile(join(SHARED_CORPUS, name), 'utf8'));
    paragraphs.push(...content.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 80 && !/[{}<>#`|]/.test(p)));
  }
  return paragraphs;
}

/** Writes `dir/patterns` (copied from content/) and `count` writeups in `dir/incidents`. */
export async function generateWriteups(dir: string, count: number): Promise<void> {
  const next = randomLcg(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const paragraphs = await corpusParagraphs();
  const patterns = (await readdir(join(PROJECT_ROOT, 'content/patterns'))).map((n) => n.replace(/\.mdx$/, ''));
  await mkdir(join(dir, 'incidents'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/patterns'), join(dir, 'patterns'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const started = new Date(Date.UTC(2010, 0, 1) + Math.floor(next() * 15 * 365 * 24 * 60) * 60_000);
    const lead = pick(paragraphs);
    const words = lead.toLowerCase().replace(/[^a-z0-9 ]/g, '').split(' ').filter(Boolean);
    const title = `${words.slice(0, 6).join(' ')} ${i}`;
    const slug = `${started.toISOString().slice(0, 10)}-${title.replace(/ /g, '-').replace(/-+/g, '-')}`.slice(0, 79).replace(/-$/, '');
    const sections = ['Summary', 'Impact', 'Contributing factors', 'Resolution', 'Lessons'].map((h) => `## ${h}\n\n${pick(paragraphs)}`);
    const front = {
      title: title[0]!.toUpperCase() + title.slice(1),
      summary: lead.split(/(?<=[.!?])\s+/)[0]!.slice(0, 300),
      started: started.toISOString().replace('.000Z', 'Z'),
      duration: pick(['5m', '45m', '2h', '4h30m', '1d', 'unknown']),
      impact: pick(IMPACT_LEVELS),
      patterns: [...new Set([pick(patterns), pick(patterns)])],
      services: [pick(['postgres', 'dns', 'kubernetes', 'redis', 's3', 'kafka', 'cdn', 'mysql'])],
      signals: [words.slice(6, 11).join(' ')],
      sources: [{ title: `Source ${i}`, url: `https://example.org/postmortems/${i}` }],
    };
    await writeFile(join(dir, 'incidents', `${slug}.mdx`), writeFrontMatter(`\n${sections.join('\n\n')}\n`, front));
  }
}
