/**
 * A writeup is content, not code (CONTRIBUTING.md). MDX compiles to JavaScript that runs in the build
 * with CI's secrets and ships to readers, so a body may hold Markdown and the writeup components
 * (WRITEUP_COMPONENTS) with plain-text attributes, and nothing else.
 *
 * The rules read the tree the MDX parser built, not the text: entity-encoded URLs, `<ScRiPt>`,
 * reference-style links and ESM split over lines all look to these rules exactly as they look to
 * the compiler. The same function runs in the content checker and inside the build's MDX pipeline.
 */
import { positionAt } from '../text-position';
import { attributeValueProblem, WRITEUP_COMPONENTS, type WriteupComponentName } from '../writeup-components';
import { didYouMean } from './nearest';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** The parts of an mdast/MDX node the rules read (satteri and mdast-util-mdx share this shape). */
export interface MdxNode {
  type: string;
  position?: { start: Point; end: Point };
  children?: MdxNode[];
  /** Source of an ESM block or an expression. */
  value?: string;
  /** A JSX element's name; null for a fragment `<>`. */
  name?: string | null;
  attributes?: MdxAttribute[];
  /** Target of a link, image or link definition. */
  url?: string;
  /** The label a reference (`![alt][label]`) and its definition share, normalized by the parser. */
  identifier?: string;
}

export interface MdxAttribute {
  type: string;
  /** Absent on a spread `{...props}`. */
  name?: string;
  /** A string, an expression `{…}`, or null for a bare attribute. */
  value?: string | null | { type: string; value: string };
}

/** One problem in a body, at its line and column in the text that was parsed. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

const ALLOWED = Object.keys(WRITEUP_COMPONENTS);
const ALLOWED_LIST = ALLOWED.join(', ');

/** Elements that run or embed code; named in their own message so a reviewer sees the intent. */
const CODE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'meta', 'link', 'style', 'svg', 'math']);

/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'ping', 'codebase']);

/** Schemes that run code or carry a whole document inside the link. */
const CODE_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/**
 * Whether an expression's source is only comments and white space. A linear scan: a regular
 * expression with alternatives inside a repetition backtracks exponentially on text such as
 * forty comment blocks followed by code, which hung the check and the build.
 */
export function isCommentOnly(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at]!)) at++;
    else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end < 0) return false;
      at = end + 2;
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at + 2);
      at = end < 0 ? text.length : end + 1;
    } else return false;
  }
  return true;
}

export function bodyProblems(root: MdxNode, source: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const at = (node: MdxNode, message: string, hint?: string) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    problems.push({ line: start.line, column: start.column, message, ...(hint ? { hint } : {}) });
  };
  const atOffset = (offset: number, message: string, hint?: string) => {
    problems.push({ ...positionAt(source, offset), message, ...(hint ? { hint } : {}) });
  };

  const check = (node: MdxNode) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*(import|export)\b/.exec(node.value ?? '')?.[1] ?? 'import/export';
        at(node, `"${keyword}" is not allowed: a writeup is content, not code`,
          keyword === 'export' ? 'put facts in the front matter' : `the writeup components (${ALLOWED_LIST}) need no import`);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // A comment is the only thing MDX offers for notes to reviewers; it compiles to nothing.
        if (!isCommentOnly(node.value ?? '')) {
          at(node, 'a JavaScript expression {…} is not allowed: a writeup is content, not code',
            'to show braces as text write \\{ and \\}, or put them in `code`');
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        elementProblems(node, source, at, atOffset);
        break;
      case 'definition':
        if (node.identifier !== undefined) definitions.set(node.identifier, node);
        checkUrl(node, 'link');
        break;
      case 'imageReference':
        imageReferences.push(node);
        break;
      case 'link':
      case 'image':
        checkUrl(node, node.type);
        break;
    }
  };
  const checkUrl = (node: MdxNode, kind: 'link' | 'image') => {
    const problem = urlProblem(node.url ?? '', kind);
    if (problem) at(node, problem.message, problem.hint);
  };
  // A definition is a link until an image uses it (`![alt][label]`); then the image rules apply too.
  const definitions = new Map<string, MdxNode>();
  const imageReferences: MdxNode[] = [];
  // A loop, not recursion: a body may nest deeper than the call stack (src/lib/validate/body-shape.ts
  // refuses such bodies first, but this also runs inside the build's compiler).
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    check(node);
    // One push per child: a paragraph may hold more children than a spread's argument limit.
    for (let index = (node.children?.length ?? 0) - 1; index >= 0; index--) pending.push(node.children![index]!);
  }
  for (const reference of imageReferences) {
    const definition = definitions.get(reference.identifier ?? '');
    const problem = definition && urlProblem(definition.url ?? '', 'image');
    if (problem) at(reference, problem.message, problem.hint);
  }
  return problems;
}

type Report = (node: MdxNode, message: string, hint?: string) => void;
type ReportAt = (offset: number, message: string, hint?: string) => void;

function elementProblems(node: MdxNode, source: string, at: Report, atOffset: ReportAt) {
  const name = node.name ?? '';
  const tag = `<${name}>`;
  const local = name.toLowerCase().replace(/^.*:/, '');
  const allowed: readonly string[] | undefined = Object.hasOwn(WRITEUP_COMPONENTS, name)
    ? WRITEUP_COMPONENTS[name as keyof typeof WRITEUP_COMPONENTS].attributes
    : undefined;
  if (CODE_ELEMENTS.has(local)) {
    at(node, `${tag} is not allowed: a writeup cannot run, embed or restyle anything`, 'link to the page instead: [title](https://…)');
  } else if (!allowed) {
    at(node, `${tag} is not an allowed component`, didYouMean(name, ALLOWED) ?? `use Markdown, or one of ${ALLOWED_LIST}`);
  }

  const start = node.position?.start.offset;
  const attributeAt = (attribute: MdxAttribute, message: string, hint?: string) =>
    start === undefined ? at(node, message, hint) : atOffset(attributeOffset(source, start, attribute), message, hint);
  for (const attribute of node.attributes ?? []) {
    const attributeName = attribute.name;
    if (attributeName === undefined) {
      attributeAt(attribute, 'an attribute spread {…} is not allowed: a writeup is content, not code');
      continue;
    }
    if (/^on/i.test(attributeName)) {
      attributeAt(attribute, `event-handler attribute "${attributeName}" is not allowed: it runs JavaScript`);
    } else if (allowed && !allowed.includes(attributeName)) {
      attributeAt(attribute, `${tag} takes no attribute "${attributeName}"`,
        allowed.length ? didYouMean(attributeName, allowed) ?? `it takes: ${allowed.join(', ')}` : 'it takes none');
    }
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      attributeAt(attribute, `attribute "${attributeName}" must be plain text in quotes, not a JavaScript expression`);
    } else if (typeof value === 'string' && URL_ATTRIBUTES.has(attributeName.toLowerCase().replace(/^.*:/, ''))) {
      const problem = urlProblem(value, 'link');
      if (problem) attributeAt(attribute, problem.message, problem.hint);
    } else if (typeof value === 'string' && allowed?.includes(attributeName)) {
      const problem = attributeValueProblem(name, attributeName, value);
      if (problem) attributeAt(attribute, problem);
    }
  }
  if (allowed) {
    const present = new Set((node.attributes ?? []).map((attribute) => attribute.name));
    for (const required of WRITEUP_COMPONENTS[name as WriteupComponentName].required) {
      if (!present.has(required)) at(node, `${tag} needs ${required}="…"`);
    }
  }
}

/**
 * Why a link or image URL is unsafe, or null. Links may use http(s), mailto or a path on this
 * site; images only http(s) or a site path, since a relative image is imported at build time.
 */
export function urlProblem(url: string, kind: 'link' | 'image'): { message: string; hint?: string } | null {
  // Browsers ignore tabs, newlines and other control characters inside a URL; so must the check.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  const noun = kind === 'image' ? 'an image' : 'a link';
  if (scheme && CODE_SCHEMES.has(scheme)) {
    return {
      message: `a "${scheme}:" URL is not allowed in ${noun}: it can run code or carry a hidden page`,
      hint: kind === 'image' ? 'use an http(s) image URL' : 'link to an http(s) page instead',
    };
  }
  const schemes = kind === 'link' ? ['http', 'https', 'mailto'] : ['http', 'https'];
  if (scheme && !schemes.includes(scheme)) {
    return { message: `${noun} may only use ${schemes.join(', ')}, not "${scheme}:"` };
  }
  if (!scheme && kind === 'image' && !compact.startsWith('/')) {
    return { message: `image "${url}" must be a full http(s) URL or a path on this site starting with /`, hint: 'a relative image is imported as a module at build time' };
  }
  // The build decodes every image URL (decodeURI in @astrojs/markdown-satteri) and stops with
  // "URI malformed" and no line when a % is not followed by two hex digits.
  if (kind === 'image' && !decodes(url)) {
    return { message: `image "${url}" has a % that does not start an escape like %20`, hint: 'write a literal % as %25' };
  }
  return null;
}

function decodes(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

/** Where an attribute starts inside its element's opening tag (the element's start if not found). */
function attributeOffset(source: string, elementOffset: number, attribute: MdxAttribute): number {
  const rest = source.slice(elementOffset);
  const pattern = attribute.name === undefined ? /\{\s*\.\.\./ : new RegExp(`\\s(${attribute.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=[\\s=/>])`);
  const match = pattern.exec(rest);
  if (!match) return elementOffset;
  return elementOffset + match.index + (match[0].length - (match[1] ?? match[0]).length);
}
