/**
 * A document's bytes as text: UTF-8, or UTF-16 where a byte order mark says so (what Windows
 * PowerShell's `Out-File` writes; YAML allows it). Strictly: a decoder that replaces a bad byte with
 * U+FFFD would change the document without a word, so the first invalid byte is named instead.
 */
import { GeneratorError } from '../errors.ts';
import { lineAndColumn } from './parse-json.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Where decoding first went wrong: every character before it decoded as itself, so their byte lengths add up to the offset. */
function firstInvalidByte(bytes: Uint8Array): { byteOffset: number; charIndex: number } {
  const text = lenient.decode(bytes);
  let byteOffset = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    const isRealReplacement = code === 0xfffd && bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd;
    if (code === 0xfffd && !isRealReplacement) return { byteOffset, charIndex: i };
    byteOffset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) i++;
  }
  return { byteOffset, charIndex: text.length };
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const { byteOffset, charIndex } = firstInvalidByte(bytes);
    const { line, column } = lineAndColumn(lenient.decode(bytes), charIndex);
    const byte = bytes[byteOffset]?.toString(16).padStart(2, '0') ?? 'end of file';
    throw new GeneratorError(
      { file, line, column },
      `invalid UTF-8 at byte offset ${byteOffset} (byte 0x${byte}): the document must be UTF-8 text; re-save it as UTF-8 (nothing was replaced or guessed)`,
    );
  }
}

/** UTF-16 by its byte order mark (the mark itself is not part of the text). */
const UTF16_MARKS = [
  { encoding: 'utf-16le', mark: [0xff, 0xfe] },
  { encoding: 'utf-16be', mark: [0xfe, 0xff] },
] as const;

export function decodeDocument(bytes: Uint8Array, file: string): string {
  const utf16 = UTF16_MARKS.find(({ mark }) => bytes[0] === mark[0] && bytes[1] === mark[1]);
  if (!utf16) return decodeUtf8(bytes, file);
  // A UTF-32 little-endian mark starts like UTF-16's; TextDecoder has no UTF-32, so say so instead of misreading it.
  if (utf16.encoding === 'utf-16le' && bytes[2] === 0 && bytes[3] === 0) throw new GeneratorError({ file }, 'the document is UTF-32 (by its byte order mark); re-save it as UTF-8');
  try {
    return new TextDecoder(utf16.encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new GeneratorError({ file }, `invalid ${utf16.encoding.toUpperCase()} (the byte order mark says ${utf16.encoding.toUpperCase()}; an odd byte count or a lone surrogate): re-save it as UTF-8`);
  }
}
