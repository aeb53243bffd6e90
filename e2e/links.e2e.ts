import { describe, expect, inject, it } from 'vitest';
import { checkLinks } from '../src/commands/check-links-command';

describe('the built site', () => {
  it('has no broken internal link or anchor, as npm run check:links sees it', async () => {
    const result = await checkLinks({ dir: inject('siteDir') });
    expect(result.stdout.slice(0, -1)).toEqual([]);
    expect(result.stdout.at(-1)).toMatch(/^\d+ pages checked: 0 broken links; \d+ external links not checked/);
    expect(result.code).toBe(0);
  });
});
