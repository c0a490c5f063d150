/** Bounded quotes of response bodies for error messages. */

/** A bounded, single-line excerpt of a text body; HTML loses its tags, scripts and styles. */
export function excerpt(text: string, max = 200): string {
  const flat = text
    .slice(0, 10_000)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^<>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
