/**
 * Finds the example response that HostBill documents write into a description as a fenced block
 * ("```json\n" + example), and returns it apart from the rest of the description.
 *
 * What the seeds do: Time4VPS opens every fence and closes none, follows the fence line with LF then
 * CR ("```json\n\r{"), and mixes CRLF, LF and tabs; the docs importer writes "```json\n<text>\n```"
 * after the other description text. A description that is only `` `Success` `` documents no example.
 */

export type ExtractedExample =
  /** `text` is the fenced example, trimmed; `description` is the description without the fence, trimmed (may be ""). */
  | { readonly kind: 'fenced'; readonly text: string; readonly description: string; readonly closed: boolean }
  /** The description is just `` `Success` `` (or "Success"): no example is documented. */
  | { readonly kind: 'success-only' }
  | { readonly kind: 'none' };

/** Info strings that mark a fence as holding JSON; an empty info string counts too. */
const JSON_INFO = new Set(['', 'json', 'json5', 'jsonc']);

/** An opening fence: at the start of a line, up to 3 spaces of indent, 3+ backticks, an info string. */
const OPENING_FENCE = /(^|\r\n|\n|\r)[ \t]{0,3}(`{3,})[ \t]*([^`\r\n]*?)[ \t]*(\r\n|\n\r|\n|\r|$)/;

const SUCCESS_ONLY = /^(`Success`|Success)\.?$/i;

export function extractExample(description: unknown): ExtractedExample {
  // A description that is no text (`"description": 5`) holds no example; validation names its place.
  if (typeof description !== 'string') return { kind: 'none' };
  if (SUCCESS_ONLY.test(description.trim())) return { kind: 'success-only' };

  const opening = new RegExp(OPENING_FENCE.source, 'g');
  for (let match = opening.exec(description); match !== null; match = opening.exec(description)) {
    const [whole, lineBreak = '', ticks = '', info = ''] = match;
    const contentStart = match.index + whole.length;
    const closing = findClosingFence(description, contentStart, ticks.length);
    if (!JSON_INFO.has(info.toLowerCase())) {
      // Another language's block (```bash): skip it whole, so its closing fence is not taken for an opening one.
      if (!closing) break;
      opening.lastIndex = closing.end;
      continue;
    }
    const content = description.slice(contentStart, closing ? closing.start : description.length);
    const before = description.slice(0, match.index + lineBreak.length).trim();
    const after = closing ? description.slice(closing.end).trim() : '';
    return {
      kind: 'fenced',
      text: content.trim(),
      description: [before, after].filter((part) => part !== '').join('\n\n'),
      closed: closing !== undefined,
    };
  }
  return { kind: 'none' };
}

/**
 * The closing fence: a line of at least `length` backticks and nothing else. As a fallback, backticks
 * ending the last line of the content ("}```") also close the block. Offsets are into `text`.
 */
function findClosingFence(text: string, from: number, length: number): { start: number; end: number } | undefined {
  const rest = text.slice(from);
  const line = new RegExp(`(^|\\r\\n|\\n|\\r)[ \\t]{0,3}\`{${length},}[ \\t]*(?=\\r\\n|\\n|\\r|$)`).exec(rest);
  if (line) return { start: from + line.index, end: from + line.index + line[0].length };
  const trimmed = rest.trimEnd();
  const trailing = new RegExp(`\`{${length},}$`).exec(trimmed);
  if (trailing) return { start: from + trailing.index, end: from + trimmed.length };
  return undefined;
}
