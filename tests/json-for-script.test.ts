import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../src/lib/json-for-script';

describe('jsonForScript', () => {
  it('cannot close the script element it is placed in', () => {
    const text = jsonForScript({ title: '</script><img src=x onerror=alert(1)>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual({ title: '</script><img src=x onerror=alert(1)>' });
  });
});
