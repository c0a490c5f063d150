/** The API diff of one provider: generated/<id>/openapi.json at a git ref against the working tree. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GeneratorError, UsageError } from '../errors.ts';
import type { Workspace } from '../workspace.ts';
import { NAMES_FILE, namesFromFile, type PreviousName } from '../naming/index.ts';
import { countChanges, hasBreaking, type Change, type ChangeCounts } from './change.ts';
import type { NamesPair } from './diff-names.ts';
import { diffOpenApi } from './diff-openapi.ts';
import { showFile } from './git.ts';
import type { PlainDocument } from './openapi-index.ts';

export interface ProviderDiff {
  readonly id: string;
  readonly base: string;
  /** Whether generated/<id>/openapi.json exists at the base ref and in the working tree. */
  readonly inBase: boolean;
  readonly inWorkingTree: boolean;
  readonly changes: readonly Change[];
  readonly counts: ChangeCounts;
  readonly breaking: boolean;
}

export const openApiPath = (id: string): string => `generated/${id}/openapi.json`;

export function parseOpenApi(text: string, file: string): PlainDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError({ file }, `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GeneratorError({ file, pointer: '' }, 'not an OpenAPI document (not an object)');
  return value as PlainDocument;
}

async function readNames(ws: Workspace, ref: string | undefined, id: string): Promise<PreviousName[] | undefined> {
  const at = `generated/${id}/${NAMES_FILE}`;
  const text = ref === undefined ? await readFile(path.join(ws.root, at), 'utf8').catch(() => undefined) : await showFile(ws.root, ref, at);
  return namesFromFile(text, ref === undefined ? at : `${ref}:${at}`);
}

export async function readWorkingOpenApi(ws: Workspace, id: string): Promise<PlainDocument | undefined> {
  const file = path.join(ws.root, openApiPath(id));
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new GeneratorError({ file }, `cannot read file (${error.code ?? error.message})`);
  });
  return text === undefined ? undefined : parseOpenApi(text, openApiPath(id));
}

export async function readBaseOpenApi(ws: Workspace, ref: string, id: string): Promise<PlainDocument | undefined> {
  const text = await showFile(ws.root, ref, openApiPath(id));
  return text === undefined ? undefined : parseOpenApi(text, `${ref}:${openApiPath(id)}`);
}

export function providerDiff(id: string, base: string, before: PlainDocument | undefined, after: PlainDocument | undefined, names?: NamesPair): ProviderDiff {
  const changes = diffOpenApi(before, after, names);
  return { id, base, inBase: before !== undefined, inWorkingTree: after !== undefined, changes, counts: countChanges(changes), breaking: hasBreaking(changes) };
}

/** Diffs one provider; a usage error when it has an openapi.json neither at the ref nor in the working tree. */
export async function diffProvider(ws: Workspace, id: string, ref: string): Promise<ProviderDiff> {
  const [before, after, namesBefore, namesAfter] = await Promise.all([readBaseOpenApi(ws, ref, id), readWorkingOpenApi(ws, id), readNames(ws, ref, id), readNames(ws, undefined, id)]);
  if (!before && !after) throw new UsageError(`no ${openApiPath(id)} in the working tree or at ${ref}: run \`npm run generate -- --provider ${id}\` first`);
  return providerDiff(id, ref, before, after, { before: namesBefore, after: namesAfter });
}
