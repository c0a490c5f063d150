import { realpathSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * `tsc -p <tsconfig> --noEmit --pretty false` (without `--noEmit` when `emit`), run inside the test's process: the same options,
 * the same diagnostics in the same order and format, and the same exit code as tsc's own
 * `emitFilesAndReportErrors`, without a Node start and a TypeScript load per check.
 *
 * TypeScript's lib files (lib.dom.d.ts alone is 1.7 MB) are parsed and bound once per test worker
 * and shared by every program the worker checks, as the language service shares them between
 * projects; each program still type-checks them (skipLibCheck stays as the tsconfig says).
 */
export interface CheckOptions {
  /** Where tsc would run: diagnostics name files relative to it. */
  readonly cwd: string;
  /**
   * Resolve each relative import to the file's real path (tsc keeps the symlink's path for
   * those), so a file reached through symlinks from several packages is one SourceFile in the
   * program, checked once (shared-copies.ts).
   */
  readonly realPaths?: boolean;
  /** Emit what the tsconfig says (`tsc -p` without `--noEmit`), e.g. declarations to check them as they are written. */
  readonly emit?: boolean;
}

export interface CheckResult {
  readonly code: number;
  readonly output: string;
}

const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));
const libFiles = new Map<string, ts.SourceFile>();

export function checkProject(tsconfig: string, options: CheckOptions): CheckResult {
  const formatHost: ts.FormatDiagnosticsHost = { getCurrentDirectory: () => options.cwd, getCanonicalFileName: (f) => f, getNewLine: () => '\n' };
  const unrecoverable: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.resolve(options.cwd, tsconfig),
    options.emit ? {} : { noEmit: true },
    { ...ts.sys, getCurrentDirectory: () => options.cwd, onUnRecoverableConfigFileDiagnostic: (d) => void unrecoverable.push(d) },
  );
  if (!parsed) return { code: 1, output: ts.formatDiagnostics(unrecoverable, formatHost) };

  const host = ts.createCompilerHost(parsed.options);
  host.getCurrentDirectory = () => options.cwd;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (path.dirname(fileName) !== LIB_DIR) return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}\0${libKey(parsed.options)}`;
    let file = libFiles.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
      if (file) libFiles.set(key, file);
    }
    return file;
  };
  if (options.realPaths) {
    const cache = ts.createModuleResolutionCache(options.cwd, (f) => f, parsed.options);
    host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
      literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
        const result = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirectedReference, mode);
        const resolved = result.resolvedModule;
        return resolved ? { ...result, resolvedModule: { ...resolved, resolvedFileName: realpathSync(resolved.resolvedFileName) } } : result;
      });
  }

  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  // tsc's emitFilesAndReportErrors: each kind of diagnostic only while the earlier kinds found none.
  const all = [...program.getConfigFileParsingDiagnostics()];
  const fromConfig = all.length;
  all.push(...program.getSyntacticDiagnostics());
  if (all.length === fromConfig) {
    all.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (all.length === fromConfig) all.push(...program.getSemanticDiagnostics());
    if (parsed.options.noEmit && (parsed.options.declaration || parsed.options.composite) && all.length === fromConfig) all.push(...program.getDeclarationDiagnostics());
  }
  const emitted = program.emit();
  all.push(...emitted.diagnostics);
  const diagnostics = ts.sortAndDeduplicateDiagnostics(all);
  const code = diagnostics.length === 0 ? 0 : emitted.emitSkipped ? 1 : 2;
  return { code, output: ts.formatDiagnostics(diagnostics, formatHost) };
}

/** The options a lib file's parse and bind depend on (its path and language version are in the key already). */
function libKey(options: ts.CompilerOptions): string {
  const { target, module, moduleResolution, moduleDetection, strict, alwaysStrict, preserveConstEnums, isolatedModules, verbatimModuleSyntax } = options;
  return JSON.stringify({ target, module, moduleResolution, moduleDetection, strict, alwaysStrict, preserveConstEnums, isolatedModules, verbatimModuleSyntax });
}
