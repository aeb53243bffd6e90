import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, INDEXED_PAGES, type PagefindApi } from '../src/integrations/pagefind-index';

function fakePagefind(overrides: { create?: unknown; add?: unknown; write?: unknown } = {}) {
  const index = {
    addDirectory: vi.fn(async () => overrides.add ?? { errors: [], page_count: 31 }),
    writeFiles: vi.fn(async () => overrides.write ?? { errors: [], outputPath: '' }),
  };
  const api = {
    createIndex: vi.fn(async () => overrides.create ?? { errors: [], index }),
    close: vi.fn(async () => null),
  };
  return { api: api as unknown as PagefindApi, index, close: api.close };
}

describe('buildSearchIndex', () => {
  it('indexes the built site into its pagefind folder and stops the Pagefind service', async () => {
    const { api, index, close } = fakePagefind();
    await expect(buildSearchIndex('/site/dist', api)).resolves.toEqual({ pages: 31 });
    expect(index.addDirectory).toHaveBeenCalledWith({ path: '/site/dist', glob: INDEXED_PAGES });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/dist/pagefind' });
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails loudly with Pagefind’s own errors as the cause, and still stops the service', async () => {
    const { api, close } = fakePagefind({ add: { errors: ['bad HTML in /x/'], page_count: 0 } });
    const failure = await buildSearchIndex('/site/dist', api).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('building the search index failed');
    expect(String((failure as Error).cause)).toContain('bad HTML in /x/');
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails when Pagefind cannot start', async () => {
    const { api, close } = fakePagefind({ create: { errors: ['no binary for this platform'] } });
    const failure = (await buildSearchIndex('/site/dist', api).catch((error: Error) => error)) as Error;
    expect(String(failure.cause)).toContain('no binary for this platform');
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails when the index cannot be written', async () => {
    const { api } = fakePagefind({ write: { errors: ['disk full'], outputPath: '' } });
    const failure = (await buildSearchIndex('/site/dist', api).catch((error: Error) => error)) as Error;
    expect(String(failure.cause)).toContain('disk full');
  });
});
