import { describe, expect, it } from 'vitest';
import { editUrl, repositoryFromEnv } from '../src/lib/edit-link';

describe('repositoryFromEnv', () => {
  it('reads the repository and its branch, main by default, without .git or a trailing slash', () => {
    expect(repositoryFromEnv({ KB_REPOSITORY_URL: 'https://github.com/org/kb.git' })).toEqual({ url: 'https://github.com/org/kb', branch: 'main' });
    expect(repositoryFromEnv({ KB_REPOSITORY_URL: 'https://github.com/org/kb/', KB_REPOSITORY_BRANCH: 'trunk' })).toEqual({ url: 'https://github.com/org/kb', branch: 'trunk' });
    expect(repositoryFromEnv({})).toBeUndefined();
  });

  it('refuses an address that is not http(s), naming the variable', () => {
    expect(() => repositoryFromEnv({ KB_REPOSITORY_URL: 'git@github.com:org/kb.git' })).toThrow(/KB_REPOSITORY_URL must be an http\(s\) address/);
    expect(() => repositoryFromEnv({ KB_REPOSITORY_URL: 'javascript:alert(1)' })).toThrow(/KB_REPOSITORY_URL/);
  });
});

describe('editUrl', () => {
  const github = { url: 'https://github.com/org/kb', branch: 'main' };

  it('points at the source file on the configured branch', () => {
    expect(editUrl(github, 'content/incidents/2017-01-31-a.mdx')).toBe('https://github.com/org/kb/edit/main/content/incidents/2017-01-31-a.mdx');
    expect(editUrl({ url: 'https://gitlab.com/org/kb', branch: 'release/1' }, 'content/patterns/retry-storm.mdx')).toBe('https://gitlab.com/org/kb/-/edit/release/1/content/patterns/retry-storm.mdx');
  });

  it('gives no address without a repository, or for a file outside it', () => {
    expect(editUrl(undefined, 'content/incidents/a.mdx')).toBeUndefined();
    expect(editUrl(github, '../../tmp/content/incidents/a.mdx')).toBeUndefined();
    expect(editUrl(github, '/tmp/content/incidents/a.mdx')).toBeUndefined();
    expect(editUrl(github, undefined)).toBeUndefined();
  });
});
