/**
 * `templates/runtime/contracts.ts` against the runtime itself: the lists the generator relies on
 * must name exactly what the runtime has. Exports and interfaces are read with the TypeScript checker.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_MEMBERS,
  HOSTBILL_INTERFACES,
  PUBLIC_HOSTBILL_EXPORTS,
  PUBLIC_RUNTIME_EXPORTS,
  RUNTIME_IMPORT_NAMES,
  RUNTIME_IMPORTS,
  RUNTIME_VALUE_IMPORTS,
} from '../../templates/runtime/contracts.ts';
import * as runtimeIndex from '../../templates/runtime/index.ts';
import { ApiClient } from '../../templates/runtime/index.ts';
import { defaults } from './server.ts';

const RUNTIME_DIR = path.resolve(import.meta.dirname, '../../templates/runtime');
const moduleFile = (specifier: string) => path.join(RUNTIME_DIR, specifier.replace(/^\.\/runtime\//, '').replace(/\.js$/, '.ts'));

let program: ts.Program;
let checker: ts.TypeChecker;
beforeAll(() => {
  const roots = ['index.ts', 'client.ts', 'jwt.ts', 'paged-method.ts', 'hostbill.ts'].map((f) => path.join(RUNTIME_DIR, f));
  program = ts.createProgram(roots, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [] });
  checker = program.getTypeChecker();
});

/** The names a module exports, split into values (classes, functions, constants) and types only. */
function exportsOf(file: string): { values: string[]; types: string[] } {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${file} is not a module`);
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnlyExport = symbol.declarations?.some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
    (target.flags & ts.SymbolFlags.Value && !typeOnlyExport ? values : types).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}

const sorted = (names: readonly string[]) => [...names].sort();

describe('CLIENT_MEMBERS', () => {
  it('names every member of an ApiClient instance and its prototype chain, and nothing else', () => {
    const client = new ApiClient({}, defaults());
    const members = new Set<string>();
    for (let o: object | null = client; o; o = Object.getPrototypeOf(o) as object | null) {
      for (const name of Object.getOwnPropertyNames(o)) members.add(name);
    }
    expect(sorted(CLIENT_MEMBERS)).toEqual(sorted([...members]));
  });
});

describe('PUBLIC_RUNTIME_EXPORTS', () => {
  it('is exactly what templates/runtime/index.ts exports, values and types apart', () => {
    const exported = exportsOf(path.join(RUNTIME_DIR, 'index.ts'));
    expect(exported.values).toEqual(sorted(PUBLIC_RUNTIME_EXPORTS.values));
    expect(exported.types).toEqual(sorted(PUBLIC_RUNTIME_EXPORTS.types));
  });

  it('lists the values index.ts exports at run time', () => {
    expect(sorted(Object.keys(runtimeIndex))).toEqual(sorted(PUBLIC_RUNTIME_EXPORTS.values));
  });

  it('leaves generated-code-only names out of the public surface', () => {
    const publicNames = new Set<string>([...PUBLIC_RUNTIME_EXPORTS.values, ...PUBLIC_RUNTIME_EXPORTS.types]);
    for (const name of ['jwtSession', 'pagedMethod', 'hostbillRules', 'ProviderDefaults', 'ResponseRules', 'JwtSessionFactory']) expect(publicNames.has(name)).toBe(false);
  });

  it('PUBLIC_HOSTBILL_EXPORTS are types hostbill.ts exports', () => {
    const exported = exportsOf(path.join(RUNTIME_DIR, 'hostbill.ts'));
    for (const name of PUBLIC_HOSTBILL_EXPORTS.types) expect(exported.types).toContain(name);
  });
});

describe('RUNTIME_IMPORTS', () => {
  it('names values and types that their modules export as such', () => {
    for (const [specifier, { values, types }] of Object.entries(RUNTIME_IMPORTS)) {
      const exported = exportsOf(moduleFile(specifier));
      for (const name of values) expect(exported.values, `${specifier} ${name}`).toContain(name);
      for (const name of types) expect([...exported.types, ...exported.values], `${specifier} ${name}`).toContain(name);
    }
  });

  it('flattens into the names a generated class must not take', () => {
    expect(RUNTIME_VALUE_IMPORTS).toEqual(['ApiClient', 'jwtSession', 'pagedMethod', 'hostbillRules']);
    for (const name of ['ApiClient', 'HostBillClient', 'ApiPromise', 'ClientOptions', 'RequestOptions', 'jwtSession', 'hostbillRules']) {
      expect(RUNTIME_IMPORT_NAMES).toContain(name);
    }
  });
});

describe('HOSTBILL_INTERFACES', () => {
  it('lists every group and method of every HostBill interface', () => {
    const source = program.getSourceFile(path.join(RUNTIME_DIR, 'hostbill.ts'))!;
    const interfaces = source.statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s));
    const membersOf = (name: string) => {
      const declaration = interfaces.find((s) => s.name.text === name);
      expect(declaration, name).toBeDefined();
      const type = checker.getTypeAtLocation(declaration!);
      return Object.fromEntries(
        type.getProperties().map((group) => [group.name, sorted(checker.getTypeOfSymbolAtLocation(group, declaration!).getProperties().map((m) => m.name))]),
      );
    };
    const catalogue = checker.getTypeAtLocation(interfaces.find((s) => s.name.text === 'HostBillInterfaces')!);
    expect(sorted(Object.keys(HOSTBILL_INTERFACES))).toEqual(sorted(catalogue.getProperties().map((p) => p.name)));
    for (const [name, groups] of Object.entries(HOSTBILL_INTERFACES)) {
      const listed = Object.fromEntries(Object.entries(groups).map(([group, methods]) => [group, sorted(methods as readonly string[])]));
      expect(listed, name).toEqual(membersOf(name));
    }
  });
});

describe('the copied runtime', () => {
  it('imports only its own files, never contracts.ts (which packages do not get)', async () => {
    const files = (await readdir(RUNTIME_DIR, { recursive: true })).map(String).filter((f) => f.endsWith('.ts') && f !== 'contracts.ts');
    expect(files).toContain(path.join('internal', 'redirects.ts'));
    for (const file of files) {
      const text = await readFile(path.join(RUNTIME_DIR, file), 'utf8');
      for (const [, specifier] of text.matchAll(/\bfrom\s+'([^']+)'/g)) {
        expect(specifier, file).toMatch(/^\.\.?\//);
        expect(specifier, file).not.toMatch(/contracts/);
        const target = path.resolve(path.dirname(path.join(RUNTIME_DIR, file)), specifier!.replace(/\.js$/, '.ts'));
        expect(target.startsWith(RUNTIME_DIR + path.sep), `${file} → ${specifier}`).toBe(true);
        expect(files.map((f) => path.join(RUNTIME_DIR, f))).toContain(target);
      }
    }
  });
});
