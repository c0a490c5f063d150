/**
 * HTML → text for API pages, so the committed `userapi-docs.txt` can be produced from the fetched
 * page. The rule is a small subset of the browser's `innerText`, written out so its output is
 * predictable:
 *
 * 1. Comments, doctype, and `head`, `script`, `style`, `noscript`, `template`, `svg`, `iframe`,
 *    `object` elements (with their content) are dropped. CSS is not applied, so text hidden by a
 *    stylesheet is kept.
 * 2. `p` and `h1`–`h6` stand apart with one blank line; other block elements (`div`, `li`, `tr`,
 *    `pre`, `section`, `table`, …) start and end a line; `br` is a line break; table cells in one row
 *    are separated by a space (as in the API pages' text the importer was written against:
 *    `Parameter Type Description`). Line breaks already there (ending preformatted text, or from
 *    `br`) count toward the ones a block needs.
 * 3. Outside `pre`/`textarea`, every run of whitespace is one space, and spaces at the start and end
 *    of lines are removed; inside them the text is kept as written (minus one newline right after
 *    the opening tag, as HTML parsing does).
 * 4. Character references are decoded: numeric ones and the common named ones (`&nbsp;` becomes a
 *    plain space); unknown names are left as written.
 * 5. Trailing whitespace is removed from every line, at most one blank line is kept in a row, and
 *    the text ends with one newline.
 */

const DROP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'math']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'iframe']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu',
  'nav', 'ol', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'textarea', 'option',
]);
const PRESERVE = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—',
  ndash: '–', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', times: '×',
  euro: '€', larr: '←', rarr: '→', uarr: '↑', darr: '↓', shy: '', zwnj: '', zwj: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (cp === 0xa0) return ' ';
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
    }
    const named = NAMED[ref.toLowerCase()];
    return named !== undefined && whole.endsWith(';') ? named : named !== undefined && /^(amp|lt|gt|quot|nbsp)$/i.test(ref) ? named : whole;
  });
}

type Segment = { readonly kind: 'text'; readonly value: string; readonly pre: boolean } | { readonly kind: 'break'; readonly lines: 1 | 2 } | { readonly kind: 'hard'; readonly value: string };

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly end: number;
}

/** Reads the tag starting at `start` (a `<`), honouring quoted attribute values; undefined when it is not a tag. */
function readTag(html: string, start: number): Tag | undefined {
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(start, start + 64));
  if (!match) return undefined;
  let i = start + match[0].length;
  let quote: string | undefined;
  for (; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') break;
  }
  return { name: (match[2] as string).toLowerCase(), closing: match[1] === '/', selfClosing: html[i - 1] === '/', end: Math.min(i + 1, html.length) };
}

function segments(html: string): Segment[] {
  const out: Segment[] = [];
  const open: string[] = [];
  const rowCells: number[] = [];
  let dropDepth = 0;
  let preDepth = 0;
  let i = 0;
  const text = (value: string) => {
    if (dropDepth > 0 || value === '') return;
    const decoded = decodeEntities(value);
    out.push({ kind: 'text', value: preDepth > 0 ? decoded.replace(/\r\n?/g, '\n') : decoded, pre: preDepth > 0 });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      text('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name } = tag;
    if (!tag.closing) {
      if (RAW_TEXT.has(name) && !tag.selfClosing) {
        // Raw text runs to the matching end tag, whatever it contains.
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        const content = html.slice(i, close < 0 ? html.length : close);
        const end = close < 0 ? html.length : (readTag(html, close)?.end ?? html.length);
        if (!DROP.has(name) && dropDepth === 0 && name !== 'title') {
          out.push({ kind: 'break', lines: 1 });
          preDepth += 1;
          text(content.replace(/^\r?\n/, ''));
          preDepth -= 1;
          out.push({ kind: 'break', lines: 1 });
        }
        i = end;
        continue;
      }
      if (DROP.has(name)) {
        if (!tag.selfClosing) {
          dropDepth += 1;
          open.push(name);
        }
        continue;
      }
      if (dropDepth > 0) {
        if (!VOID.has(name) && !tag.selfClosing) open.push(name);
        continue;
      }
      if (name === 'br') out.push({ kind: 'hard', value: '\n' });
      else if (name === 'td' || name === 'th') {
        const count = rowCells.length > 0 ? (rowCells[rowCells.length - 1] as number) : 0;
        if (count > 0) out.push({ kind: 'text', value: ' ', pre: false });
        if (rowCells.length > 0) rowCells[rowCells.length - 1] = count + 1;
      } else if (PARAGRAPH.has(name)) out.push({ kind: 'break', lines: 2 });
      else if (BLOCK.has(name)) out.push({ kind: 'break', lines: 1 });
      if (name === 'tr') rowCells.push(0);
      if (VOID.has(name) || tag.selfClosing) continue;
      open.push(name);
      if (PRESERVE.has(name)) {
        preDepth += 1;
        if (html[i] === '\n') i += 1;
        else if (html.startsWith('\r\n', i)) i += 2;
      }
      continue;
    }
    // An end tag closes the innermost open element of that name (and anything left open inside it).
    const at = open.lastIndexOf(name);
    if (at < 0) continue;
    for (const closed of open.splice(at).reverse()) {
      if (DROP.has(closed)) dropDepth = Math.max(0, dropDepth - 1);
      if (dropDepth > 0) continue;
      if (PRESERVE.has(closed)) preDepth = Math.max(0, preDepth - 1);
      if (closed === 'tr') rowCells.pop();
      if (PARAGRAPH.has(closed)) out.push({ kind: 'break', lines: 2 });
      else if (BLOCK.has(closed)) out.push({ kind: 'break', lines: 1 });
    }
  }
  return out;
}

export function htmlToText(html: string): string {
  let result = '';
  let pending = 0;
  const atLineStart = () => result === '' || result.endsWith('\n');
  const flush = () => {
    // Line breaks already at the end (from preformatted text or `br`) count toward the ones a block needs.
    if (pending > 0 && result !== '') result += '\n'.repeat(Math.max(0, pending - (/\n*$/.exec(result)?.[0].length ?? 0)));
    pending = 0;
  };
  for (const segment of segments(html)) {
    if (segment.kind === 'break') {
      pending = Math.max(pending, segment.lines);
      continue;
    }
    if (segment.kind === 'hard') {
      flush();
      result += segment.value;
      continue;
    }
    if (segment.pre) {
      if (segment.value === '') continue;
      flush();
      result += segment.value;
      continue;
    }
    let value = segment.value.replace(/[ \t\n\r\f]+/g, ' ');
    if (value.trim() === '') {
      // Whitespace between inline elements is one space, unless a line is about to start or just started.
      if (pending === 0 && !atLineStart() && !result.endsWith(' ')) result += ' ';
      continue;
    }
    flush();
    if (atLineStart() || result.endsWith(' ')) value = value.replace(/^ /, '');
    result += value;
  }
  return `${result
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')}\n`;
}
