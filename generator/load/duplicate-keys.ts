/**
 * JSON.parse keeps the last of two equal keys in one object and drops the first without a word (two
 * operations under one path, the first lost). YAML's parser refuses them; so do we, naming both.
 * jsonc-parser's scanner gives each key's line and column; it recurses per nesting level, so this
 * runs only on documents the depth limit has already passed.
 */
import { visit } from 'jsonc-parser';
import { GeneratorError } from '../errors.ts';
import { pointer } from '../openapi/index.ts';

export function assertNoDuplicateJsonKeys(text: string, file: string): void {
  const open: Map<string, { line: number; column: number }>[] = [];
  let duplicate: GeneratorError | undefined;
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push(new Map());
        return duplicate === undefined;
      },
      onObjectEnd: () => {
        open.pop();
      },
      onObjectProperty: (key, _offset, _length, startLine, startCharacter, pathSupplier) => {
        const seen = open[open.length - 1];
        if (seen === undefined || duplicate !== undefined) return;
        const here = { line: startLine + 1, column: startCharacter + 1 };
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, here);
          return;
        }
        duplicate = new GeneratorError(
          { file, ...here, pointer: pointer(...pathSupplier(), key) },
          `duplicate key ${JSON.stringify(key)}: it is also at line ${first.line}, column ${first.column}, and JSON would silently keep only this one; remove or rename one of them`,
        );
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (duplicate) throw duplicate;
}
