/**
 * Broken links in a built site: every internal `href`/`src`/`srcset` must reach a file, and every
 * `#anchor` (on the same page or another) an element with that id. External links are checked
 * elsewhere and only on request; that needs the network, which CI does not have.
 *
 * Tags are read with htmlparser2, as a browser reads them: comments and the text of raw-text
 * elements (`<script>`, `<style>`, `<title>`, `<textarea>`) hold no links, names are
 * case-insensitive, attribute values may be unquoted or hold `>`, and every HTML entity is
 * decoded.
 */
import { Parser } from 'htmlparser2';
import { normalizeBase, withBase, withoutBase } from '../lib/site-paths';
import { positionAt } from '../lib/text-position';
import type { ValidationIssue } from '../lib/validate/issue';

export interface SiteFiles {
  /** Every file in the built site, as a URL path: `/incidents/x/index.html`, `/favicon.svg`. */
  files: ReadonlySet<string>;
  /** The HTML of each page, by the same path. */
  pages: ReadonlyMap<string, string>;
}

export interface Link {
  attribute: string;
  url: string;
  offset: number;
}

const LINK_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster']);
/** Fragments a browser understands without an element: the top of the page. */
const NO_ELEMENT_NEEDED = new Set(['', 'top']);

interface Tag {
  name: string;
  attributes: { name: string; value: string; offset: number }[];
}

/** The start tags of a page, each attribute at the offset where its name is written. */
function tags(html: string): Tag[] {
  const found: Tag[] = [];
  let attributes: Tag['attributes'] = [];
  const parser = new Parser(
    {
      onattribute: (name, value) => {
        attributes.push({ name, value, offset: parser.startIndex });
      },
      onopentag: (name) => {
        found.push({ name, attributes });
        attributes = [];
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

/** A page's links, and the ids and anchor names on it: what a `#fragment` can point at. */
interface PageLinks {
  links: Link[];
  anchors: Set<string>;
}

/** Reads a page's tags once, for both its links and its anchors. */
function readPage(html: string): PageLinks {
  const links: Link[] = [];
  const anchors = new Set<string>();
  for (const tag of tags(html)) {
    for (const { name, value, offset } of tag.attributes) {
      if (name === 'id' || (name === 'name' && tag.name === 'a')) anchors.add(value);
      if (!LINK_ATTRIBUTES.has(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls.filter(Boolean)) links.push({ attribute: name, url, offset });
    }
  }
  return { links, anchors };
}

export function extractLinks(html: string): Link[] {
  return readPage(html).links;
}

export interface SiteAddress {
  /** `https://kb.example.org`; links to it (canonical, feeds) are internal. */
  origin?: string;
  /** The folder the site is served from, `/` or `/kb/`: the built folder's root is served there. */
  base: string;
}

/**
 * The site's own address, from the home page's canonical link (`https://org.github.io/kb/`).
 * Links to it are internal: they must work once deployed, and can be checked before.
 */
export function siteAddress(site: SiteFiles): SiteAddress {
  for (const tag of tags(site.pages.get('/index.html') ?? '')) {
    const attribute = (name: string) => tag.attributes.find((a) => a.name === name)?.value;
    if (tag.name === 'link' && attribute('rel') === 'canonical' && URL.canParse(attribute('href') ?? '')) {
      const home = new URL(attribute('href')!);
      return { origin: home.origin, base: normalizeBase(home.pathname) };
    }
  }
  return { base: '/' };
}

/** Where an internal link leads: a site path and a fragment; undefined for other sites and schemes. */
export function resolveInternal(url: string, pagePath: string, origin?: string): { path: string; fragment: string } | undefined {
  if (origin && url.startsWith(`${origin}/`)) url = url.slice(origin.length);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const resolved = new URL(url, `http://site.invalid${pagePath}`);
  return { path: safeDecode(resolved.pathname), fragment: safeDecode(resolved.hash.slice(1)) };
}

/** The file a site path is served from, if the site has one. */
function servedFile(path: string, files: ReadonlySet<string>): string | undefined {
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** The URL path of a page: `/incidents/x/index.html` → `/incidents/x/`. */
function pageUrl(filePath: string): string {
  return filePath.replace(/(?:^|\/)index\.html$/, '/');
}

/** A link, on the page it is on. */
export interface FoundLink {
  file: string;
  html: string;
  link: Link;
}

/** Every page of a site, read once: each link on each page, and each page's anchors by its file. */
export interface SiteLinks {
  links: FoundLink[];
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

export function siteLinks(site: SiteFiles): SiteLinks {
  const links: FoundLink[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const [file, html] of site.pages) {
    const page = readPage(html);
    anchors.set(file, page.anchors);
    for (const link of page.links) links.push({ file, html, link });
  }
  return { links, anchors };
}

/** A problem with a link, at the line and column it is written; `outDir` prefixes the page path. */
export function linkIssue(outDir: string, file: string, html: string, link: Link, message: string): ValidationIssue {
  return { file: `${outDir}${file}`, ...positionAt(html, link.offset), field: link.attribute, message: `${link.url}: ${message}`, severity: 'error' };
}

/** Every broken internal link and anchor, located in the page that has it; `scan` when the site was read already. */
export function brokenLinks(site: SiteFiles, outDir: string, scan: SiteLinks = siteLinks(site)): ValidationIssue[] {
  const { origin, base } = siteAddress(site);
  const issues: ValidationIssue[] = [];
  for (const { file, html, link } of scan.links) {
    const target = resolveInternal(link.url, withBase(base, pageUrl(file)), origin);
    const problem = target && linkProblem(target, base, site.files, scan.anchors);
    if (problem) issues.push(linkIssue(outDir, file, html, link, problem));
  }
  return issues;
}

function linkProblem(target: { path: string; fragment: string }, base: string, files: ReadonlySet<string>, anchors: SiteLinks['anchors']): string | undefined {
  const inSite = withoutBase(base, target.path);
  if (inSite === undefined) return `outside the site, which is served under ${base}`;
  const file = servedFile(inSite, files);
  if (!file) return `no page or file at ${target.path}`;
  const onPage = anchors.get(file);
  if (NO_ELEMENT_NEEDED.has(target.fragment) || !onPage) return undefined;
  return onPage.has(target.fragment) ? undefined : `no element with id "${target.fragment}" on ${pageUrl(file)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
