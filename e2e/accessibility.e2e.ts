import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/page';
import { seriousViolations } from '../tests/harness/browser';

const site = useBrowser();

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)('has no serious or critical axe violations on any page type (%s mode)', async (colorScheme) => {
    const index = await site.open('/incidents/');
    const incident = await index.locator('.incident-list h2 a').first().getAttribute('href');
    const patterns = await site.open('/patterns/');
    const pattern = await patterns.locator('.pattern-grid a').first().getAttribute('href');
    for (const path of ['/', '/incidents/', incident!, '/patterns/', pattern!, '/no-such-page/']) {
      const page = await site.open(path, { colorScheme });
      const violations = await seriousViolations(page);
      expect(violations.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });
});
