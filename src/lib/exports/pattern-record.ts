/** One failure pattern as `/patterns.json` gives it: the pattern page's facts and the incidents that show it. */
import type { PatternData } from '../schema';

export interface ExportedPattern {
  id: string;
  url: string;
  title: string;
  summary: string;
  aliases: string[];
  signals: string[];
  mitigations: string[];
  related: string[];
  /**
   * Slugs of the published incidents tagged with it, newest first, one writeup per incident as
   * on the pattern page: a copy (`copyOf` in /incidents.json) is left out.
   */
  incidents: string[];
}

export function toExportedPattern(id: string, data: PatternData, url: string, incidents: readonly string[]): ExportedPattern {
  return { id, url, title: data.title, summary: data.summary, aliases: data.aliases, signals: data.signals, mitigations: data.mitigations, related: data.related, incidents: [...incidents] };
}
