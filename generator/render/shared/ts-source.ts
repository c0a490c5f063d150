import { Project, type SourceFile } from 'ts-morph';

/**
 * ts-morph builds each TypeScript module we emit. One in-memory project serves every module: a
 * project costs a compiler host to set up, and the modules are printed, never type-checked, here.
 */
let project: Project | undefined;

/** The text of a module built by `build` on an empty source file. */
export function buildSource(name: string, build: (file: SourceFile) => void): string {
  project ??= new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(name, '', { overwrite: true });
  try {
    build(file);
    return file.getFullText();
  } finally {
    project.removeSourceFile(file);
  }
}
