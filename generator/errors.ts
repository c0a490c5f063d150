/** Where in an input something went wrong: a file, and a line/column or a JSON pointer inside it. */
export interface SourcePlace {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly pointer?: string;
}

export function formatPlace(place: SourcePlace): string {
  let text = place.file;
  if (place.line !== undefined) text += `:${place.line}${place.column !== undefined ? `:${place.column}` : ''}`;
  if (place.pointer !== undefined) text += ` at ${place.pointer === '' ? '#' : `#${place.pointer}`}`;
  return text;
}

/** An input problem the user must fix. The CLI prints the message and exits 1. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  constructor(
    readonly place: SourcePlace,
    readonly problem: string,
  ) {
    super(`${formatPlace(place)}: ${problem}`);
  }
}

/** A command line the CLI cannot act on. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
