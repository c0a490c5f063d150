/**
 * Syncs one provider: fetch its published document, check it, and write it under specs/<id>/ only
 * when the bytes differ. Any failure throws before anything is written.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocumentText } from '../load/load-document.ts';
import type { Workspace } from '../workspace.ts';
import { checkDocument, checkPage, countDocumentOperations, countPageRoutes } from './check-fetched.ts';
import { displayUrl, fetchSpec } from '../load/fetch-document.ts';
import type { SpecKind } from './spec-source.ts';
import { PAGE_HTML, PAGE_TEXT, readSyncTarget } from './sync-target.ts';

export interface FileUpdate {
  /** Path relative to the workspace root, e.g. `specs/time4vps/swagger.json`. */
  readonly file: string;
  /** Size in bytes of the committed file; undefined when there was none. */
  readonly bytesBefore?: number;
  readonly bytesAfter: number;
  readonly changed: boolean;
}

export interface SyncResult {
  readonly id: string;
  readonly url: string;
  readonly kind: SpecKind;
  readonly files: readonly FileUpdate[];
  /** Operations (documents) or routes (pages) before and after; `before` is undefined when unknown. */
  readonly operationsBefore?: number;
  readonly operationsAfter: number;
}

export interface SyncOptions {
  readonly url?: string;
  readonly timeoutMs: number;
  readonly dryRun?: boolean;
  readonly fetch?: typeof fetch;
}

async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.sync-${process.pid}`);
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const readOptional = (file: string) => readFile(file).catch(() => undefined);

export async function syncProvider(ws: Workspace, id: string, options: SyncOptions): Promise<SyncResult> {
  const target = await readSyncTarget(ws, id, options.url);
  const rel = (name: string) => path.relative(ws.root, path.join(target.dir, name)).split(path.sep).join('/');
  const planned: { name: string; content: Buffer }[] = [];
  let operationsBefore: number | undefined;
  let operationsAfter: number;

  if (target.kind === 'document') {
    const fetched = await fetchSpec(target.url, { accept: 'application/json, application/yaml;q=0.9, */*;q=0.1', timeoutMs: options.timeoutMs, fetch: options.fetch });
    const checked = checkDocument(fetched, target.specName);
    const name = target.specName ?? checked.defaultName;
    const previous = await readOptional(path.join(target.dir, name));
    if (previous) {
      try {
        operationsBefore = countDocumentOperations(parseDocumentText(previous.toString('utf8'), name) as Record<string, unknown>);
      } catch {
        operationsBefore = undefined; // the committed file does not parse; the fetched one replaces it
      }
    }
    operationsAfter = checked.operations;
    planned.push({ name, content: fetched.body });
  } else {
    const fetched = await fetchSpec(target.url, { accept: 'text/html', timeoutMs: options.timeoutMs, fetch: options.fetch });
    const checked = checkPage(fetched);
    const previousText = await readOptional(path.join(target.dir, PAGE_TEXT));
    if (previousText) operationsBefore = countPageRoutes(previousText.toString('utf8'));
    operationsAfter = checked.operations;
    planned.push({ name: PAGE_HTML, content: fetched.body }, { name: PAGE_TEXT, content: Buffer.from(checked.text, 'utf8') });
  }

  const files: FileUpdate[] = [];
  for (const { name, content } of planned) {
    const previous = await readOptional(path.join(target.dir, name));
    const changed = !previous || !previous.equals(content);
    files.push({ file: rel(name), bytesBefore: previous?.length, bytesAfter: content.length, changed });
  }
  if (!options.dryRun) {
    for (const [index, { name, content }] of planned.entries()) if (files[index]?.changed) await writeAtomically(path.join(target.dir, name), content);
  }
  return { id, url: displayUrl(target.url), kind: target.kind, files, operationsBefore, operationsAfter };
}

/** `time4vps: specs/time4vps/swagger.json updated (70894 → 71020 bytes); 63 → 61 operations` */
export function describeSync(result: SyncResult, dryRun = false): string {
  const noun = result.kind === 'page' ? 'routes' : 'operations';
  const count = result.operationsBefore === undefined || result.operationsBefore === result.operationsAfter ? `${result.operationsAfter} ${noun}` : `${result.operationsBefore} → ${result.operationsAfter} ${noun}`;
  const parts = result.files.map((f) => {
    if (!f.changed) return `${f.file} unchanged (${f.bytesAfter} bytes)`;
    const verb = dryRun ? 'would change' : f.bytesBefore === undefined ? 'created' : 'updated';
    return `${f.file} ${verb} (${f.bytesBefore === undefined ? '' : `${f.bytesBefore} → `}${f.bytesAfter} bytes)`;
  });
  return `${result.id}: ${parts.join(', ')}; ${count}`;
}
