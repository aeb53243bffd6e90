/**
 * The messages in a Statuspage update body, with the times they carry. Most bodies are one plain
 * message. Histories migrated into Statuspage (GitHub's before 2019) put a whole incident in one
 * update, as `<ul><li><strong>2016-01-20 22:47:07</strong> - text</li>…</ul>`, as `<strong>15:14</strong>`
 * (a time on the incident's day), or as lines `2019-05-07 10:35 UTC - text`; those times are
 * the incident's course, since the record's own start and end are the migration's.
 */

export interface Message {
  /** Epoch ms the message was stated at, when the body says. */
  at?: number;
  /** Markdown: links kept when http(s), every other tag dropped, entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

/** HTML as Markdown text: `<a href="https://…">t</a>` becomes `[t](https://…)`, other tags go. */
export function htmlToText(html: string): string {
  const linked = html.replace(/<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => {
    const url = decodeEntities(href).trim();
    const text = label.replace(/<[^>]*>/g, '').trim();
    return /^https?:\/\/\S+$/i.test(url) ? `[${text || url}](${url})` : text;
  });
  return decodeEntities(linked.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li)>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/** `2016-01-20 22:47:07`, `2019-05-07 10:35 UTC`, or `15:14` on `day` (epoch ms of a UTC midnight). */
function readTime(text: string, day: number): number | undefined {
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?: ?UTC)?$/.exec(text.trim());
  if (full) {
    const ms = Date.parse(`${full[1]}T${full[2]}Z`);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const time = /^(\d{1,2}):(\d{2})(?: ?UTC)?$/.exec(text.trim());
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60) return day + (Number(time[1]) * 60 + Number(time[2])) * 60_000;
  return undefined;
}

const DAY_MS = 86_400_000;
const ITEM_TIME = /^\s*<strong>([^<]*)<\/strong>\s*[-–—:]?\s*/i;
const LINE_TIME = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})? ?UTC) - /;

/**
 * The messages of one body. `day` is the UTC midnight of the incident's start: a time given
 * without a date is on it, or on the next day when the times so far have passed it.
 */
export function readMessages(body: string, day: number): Message[] {
  const items = [...body.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((match) => match[1]!);
  let previous = -Infinity;
  const stamp = (at: number | undefined) => {
    if (at === undefined) return undefined;
    // "23:50" then "00:10" is ten minutes later, not a day earlier.
    const moved = at < previous && previous - at > DAY_MS / 2 && at - day < DAY_MS ? at + DAY_MS : at;
    previous = moved;
    return moved;
  };
  if (items.length > 0) {
    return items.flatMap((item) => {
      const time = ITEM_TIME.exec(item);
      const at = time ? stamp(readTime(time[1]!, day)) : undefined;
      const text = htmlToText(time && at !== undefined ? item.slice(time[0].length) : item);
      return text ? [{ ...(at !== undefined ? { at } : {}), text }] : [];
    });
  }
  const text = htmlToText(body);
  const lines = text.split('\n');
  if (lines.every((line) => LINE_TIME.test(line) || !line.trim())) {
    return lines.filter((line) => line.trim()).map((line) => {
      const [prefix] = LINE_TIME.exec(line)!;
      const at = stamp(readTime(prefix.replace(/ - $/, ''), day));
      return { ...(at !== undefined ? { at } : {}), text: line.slice(prefix.length).trim() };
    });
  }
  return text ? [{ text }] : [];
}
