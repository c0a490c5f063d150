import path from 'node:path';
import ts from 'typescript';
import { checkProject } from './check-project.ts';

/** Type-checks a generated package as .ts source with its own strict tsconfig, as `tsc -p <dir> --noEmit` does. */
export async function typecheckPackage(dir: string): Promise<{ code: number; output: string }> {
  return checkProject(path.join(dir, 'tsconfig.json'), { cwd: dir });
}

/**
 * Every identifier in a TS source: spec text that became code would show up here, while text
 * safely inside strings and comments would not.
 */
export function identifiersIn(source: string): Set<string> {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
