/**
 * What a tool's output is worth: does it pass strict tsc, and which declared request bodies can a
 * caller pass. One TypeScript program per output, with one tsconfig for every tool; library files
 * (lib.*.d.ts, node_modules) are parsed once and shared by every program.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { pathKey, type CorpusDocument } from './documents.ts';
import type { Tool } from './tools.ts';

/** The one tsconfig (also written to the work folder, so hey-api picks its import style from it). */
export const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
} as const;

const parsedOptions = ts.convertCompilerOptionsFromJson(COMPILER_OPTIONS, '.').options;
const shared = new Map<string, ts.SourceFile | undefined>();
const baseHost = ts.createCompilerHost(parsedOptions, true);
const host: ts.CompilerHost = {
  ...baseHost,
  getSourceFile(fileName, languageVersion, onError, shouldCreate) {
    if (!fileName.includes('/node_modules/')) return baseHost.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (!shared.has(fileName)) shared.set(fileName, baseHost.getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return shared.get(fileName);
  },
};

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await tsFiles(full)));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The files a tool's output consists of: for clientgen the package's `src/`, for the peers what they wrote. */
export async function outputFiles(tool: Tool, dir: string): Promise<string[]> {
  if (tool === 'clientgen') return tsFiles(path.join(dir, 'src'));
  if (tool === 'openapi-typescript') return (await tsFiles(dir)).filter((f) => /\/(schema|client)\.ts$/.test(f));
  return tsFiles(dir);
}

export interface Inspection {
  readonly errors: readonly string[];
  /** `METHOD /path/{}` → whether the generated call for that operation takes a request body. */
  readonly calls: ReadonlyMap<string, boolean>;
}

const hasNonNeverProperty = (checker: ts.TypeChecker, type: ts.Type, name: string): boolean => {
  // An optional `options?` parameter's type includes undefined: look the property up on the rest.
  const prop = checker.getPropertyOfType(checker.getApparentType(checker.getNonNullableType(type)), name);
  if (!prop) return false;
  const declared = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
  return (declared.flags & (ts.TypeFlags.Never | ts.TypeFlags.Undefined)) === 0;
};

const literalText = (node: ts.Node | undefined): string | undefined => {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  return undefined;
};

const propertyOf = (obj: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined =>
  obj.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/**
 * openapi-typescript: `paths['/x'].post.requestBody` is not `never` (openapi-fetch then takes
 * `body`). The type checker resolves `operations['id']` references.
 */
function oatsCalls(program: ts.Program, checker: ts.TypeChecker, calls: Map<string, boolean>): void {
  const schema = program.getSourceFiles().find((f) => f.fileName.endsWith('/schema.ts'));
  const paths = schema?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'paths');
  if (!paths) return;
  for (const member of paths.members) {
    if (!ts.isPropertySignature(member) || !member.name || !ts.isStringLiteral(member.name)) continue;
    const item = checker.getTypeAtLocation(member);
    for (const method of ['put', 'post', 'delete', 'options', 'patch', 'trace']) {
      const op = checker.getPropertyOfType(item, method);
      if (!op) continue;
      const opType = checker.getNonNullableType(checker.getTypeOfSymbol(op));
      if (opType.flags & ts.TypeFlags.Never) continue;
      calls.set(pathKey(method, member.name.text), hasNonNeverProperty(checker, opType, 'requestBody'));
    }
  }
}

/** hey-api: each sdk function calls `client.<method>({ url: '/x', … })`; its `options` type has a `body` that is not `never`. */
function heyCalls(program: ts.Program, checker: ts.TypeChecker, calls: Map<string, boolean>): void {
  const sdk = program.getSourceFiles().find((f) => f.fileName.endsWith('/sdk.gen.ts'));
  if (!sdk) return;
  walk(sdk, (node) => {
    if (!ts.isArrowFunction(node) || !node.parameters[0]) return;
    const options = node.parameters[0];
    let found: { method: string; url: string } | undefined;
    walk(node.body, (inner) => {
      if (found || !ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression)) return;
      const arg = inner.arguments[0];
      const url = arg && ts.isObjectLiteralExpression(arg) ? literalText(propertyOf(arg, 'url')?.initializer) : undefined;
      if (url !== undefined) found = { method: inner.expression.name.text, url };
    });
    if (found) calls.set(pathKey(found.method, found.url), hasNonNeverProperty(checker, checker.getTypeAtLocation(options), 'body'));
  });
}

/** orval (fetch client): each function calls `fetch(getXUrl(…), { method, body, … })`; the URL is the literal `getXUrl` returns. */
function orvalCalls(program: ts.Program, calls: Map<string, boolean>): void {
  const api = program.getSourceFiles().find((f) => f.fileName.endsWith('/api.ts'));
  if (!api) return;
  const urls = new Map<string, string>();
  for (const statement of api.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer || !/^get\w+Url$/.test(decl.name.text)) continue;
      let url: string | undefined;
      walk(decl.initializer, (n) => {
        const text = url === undefined && (ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isStringLiteral(n)) ? literalText(n) : undefined;
        if (text?.startsWith('/')) url = text.split('?')[0];
      });
      if (url !== undefined) urls.set(decl.name.text, url);
    }
  }
  walk(api, (node) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'fetch') return;
    const [target, init] = node.arguments;
    const urlFn = target && ts.isCallExpression(target) && ts.isIdentifier(target.expression) ? urls.get(target.expression.text) : undefined;
    if (urlFn === undefined || !init || !ts.isObjectLiteralExpression(init)) return;
    const method = literalText(propertyOf(init, 'method')?.initializer);
    if (method) calls.set(pathKey(method, urlFn), propertyOf(init, 'body') !== undefined);
  });
}

/** clientgen: the `operations` table the runtime sends from (`body` other than `'none'`, or body fields). */
function clientgenCalls(program: ts.Program, calls: Map<string, boolean>): void {
  const table = program.getSourceFiles().find((f) => f.fileName.endsWith('/src/operations.ts'));
  if (!table) return;
  walk(table, (node) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    const method = literalText(propertyOf(node, 'method')?.initializer);
    const route = literalText(propertyOf(node, 'path')?.initializer);
    if (!method || route === undefined) return;
    const body = literalText(propertyOf(node, 'body')?.initializer);
    const fields = propertyOf(node, 'bodyParams')?.initializer;
    const hasFields = fields !== undefined && ts.isArrayLiteralExpression(fields) && fields.elements.length > 0;
    calls.set(pathKey(method, route), (body !== undefined && body !== 'none') || hasFields);
  });
}

export function inspect(tool: Tool, files: readonly string[]): Inspection {
  const program = ts.createProgram({ rootNames: files, options: parsedOptions, host });
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 200)}`;
  });
  const calls = new Map<string, boolean>();
  const checker = program.getTypeChecker();
  if (tool === 'openapi-typescript') oatsCalls(program, checker, calls);
  else if (tool === 'hey-api') heyCalls(program, checker, calls);
  else if (tool === 'orval') orvalCalls(program, calls);
  else clientgenCalls(program, calls);
  return { errors, calls };
}

/** The declared bodies the output has no call for, or a call without a body. */
export function lostBodies(doc: CorpusDocument, calls: ReadonlyMap<string, boolean>): string[] {
  return doc.bodies.filter((key) => {
    const [method, route] = key.split(' ') as [string, string];
    const candidates = [key, ...doc.prefixes.map((prefix) => pathKey(method, prefix + route))];
    return !candidates.some((candidate) => calls.get(candidate) === true);
  });
}
