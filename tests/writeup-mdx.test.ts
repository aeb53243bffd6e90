import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { pathToFileURL } from 'node:url';
import { writeupGuard } from '../src/integrations/writeup-mdx';

/** Compiles as the build does: front matter blanked, so lines are the file's. */
const compile = (body: string) =>
  mdxToJs(body, { mdastPlugins: [writeupGuard('/site')], fileURL: pathToFileURL('/site/content/incidents/2021-03-04-x.mdx') });

describe('the MDX guard in the build pipeline', () => {
  it('lets a writeup with Markdown and writeup components compile', async () => {
    expect((await compile('\n\n## Timeline\n\n<Timeline>\n  <TimelineEntry at="T+5m">Paged.</TimelineEntry>\n</Timeline>\n')).code).toContain('TimelineEntry');
  });

  it('refuses to compile a writeup with code, naming the file, line, column and every problem', async () => {
    let thrown: unknown;
    try {
      await compile('\n\n\nimport fs from "node:fs"\n\n<script>alert(1)</script>\n\nText {fs.readFileSync("/etc/passwd")}\n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ line: 4, column: 1 });
    const lines = (thrown as Error).message.split('\n');
    expect(lines[0]).toBe('refusing to compile content/incidents/2021-03-04-x.mdx: a writeup is content, not code');
    // Each line is `file:line:column  field  message  (hint)`; the hint is left out here.
    expect(lines.slice(1).map((line) => line.split('  ').slice(0, 3).join('  '))).toEqual([
      'content/incidents/2021-03-04-x.mdx:4:1  (body)  "import" is not allowed: a writeup is content, not code',
      'content/incidents/2021-03-04-x.mdx:6:1  (body)  <script> is not allowed: a writeup cannot run, embed or restyle anything',
      'content/incidents/2021-03-04-x.mdx:8:6  (body)  a JavaScript expression {…} is not allowed: a writeup is content, not code',
    ]);
  });
});
