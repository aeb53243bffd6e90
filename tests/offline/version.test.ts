import { describe, expect, it } from 'vitest';
import { contentHash, entryHash, pageVersion, withVersion, withoutVersion } from '../../src/lib/offline/version';

const page = (version: string, body = '<h1>Retry storm</h1>') => `<html><head><meta name="kb-version" content="${version}"></head><body>${body}</body></html>`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('page versions', () => {
  it('reads the build a page names, and nothing from a page without one', () => {
    expect(pageVersion(page('m1-abc'))).toBe('m1-abc');
    expect(pageVersion('<html><head></head></html>')).toBeUndefined();
  });

  it('gives an unchanged page the same hash in two builds, and a changed page another', async () => {
    expect(await entryHash(bytes(page('b1')), 'b1', true)).toBe(await entryHash(bytes(page('b2')), 'b2', true));
    expect(await entryHash(bytes(page('b1')), 'b1', true)).not.toBe(await entryHash(bytes(page('b2', '<h1>Changed</h1>')), 'b2', true));
  });

  it('rewrites an unchanged page as the next build would have written it', () => {
    expect(withVersion(page('b1'), 'b1', 'b2')).toBe(page('b2'));
    expect(withoutVersion(page('b1'), 'b1')).toBe(page(''));
  });
});

describe('contentHash', () => {
  it('gives the first 16 hex digits of SHA-256', async () => {
    // SHA-256("abc") = ba7816bf8f01cfea…
    expect(await contentHash(bytes('abc'))).toBe('ba7816bf8f01cfea');
    expect(await entryHash(bytes('abc'), 'ignored', false)).toBe('ba7816bf8f01cfea');
  });
});
