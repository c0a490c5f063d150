/**
 * Turns spec prose into JSDoc text. Spec text is data: nothing in it may end the comment or start a
 * tag, so `*\/` is broken up and a leading `@` is escaped. HostBill descriptions carry stray closing
 * HTML tags and Markdown; tags are removed, line breaks kept, runs of blank lines collapsed.
 */
import { escapeJsDoc } from './escape.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function cleanProse(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|ul|ol|div|h\d)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\t/g, '  ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function jsDocText(...parts: (string | undefined)[]): string {
  return escapeJsDoc(
    parts
      .map((p) => cleanProse(p))
      .filter((p) => p.length > 0)
      .join('\n\n'),
  );
}
