import { execFile } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './workspace.ts';

/** Type-checks a generated package as .ts source with its own strict tsconfig (no skipLibCheck). */
export function typecheckPackage(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json'), '--noEmit'],
      { cwd: dir, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

/**
 * Every identifier in a TS source: spec text that became code would show up here, while text
 * safely inside strings and comments would not.
 */
export function identifiersIn(source: string): Set<string> {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
