import path from 'node:path';
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { importDocs, serialiseDocument } from '../import-docs/index.ts';
import { diffFileSet } from '../write/file-set.ts';
import { renderProviders, selectProviders, workspace } from '../workspace.ts';
import { runCli } from './run-cli.ts';

const program = new Command('check')
  .description('Regenerate in memory and fail, naming the files, when generated/ (or a spec imported from an API page) differs from what the generator produces.')
  .option('-p, --provider <id...>', 'only these providers (repeatable)')
  .addHelpText('after', '\nExit codes: 0 up to date, 1 stale output or generation error, 2 usage error.');

await runCli(program, async () => {
  const opts = program.opts<{ provider?: string[] }>();
  const ws = workspace();
  const ids = await selectProviders(ws, opts.provider);
  // Always renders and compares every file (never skips on the recorded inputs hash), so hand edits show.
  const results = await renderProviders(ws, ids);
  let stale = 0;
  for (const result of results) {
    const dir = path.join(ws.generatedDir, result.id);
    const diff = await diffFileSet(dir, result.files);
    const rel = (f: string) => path.relative(ws.root, path.join(dir, f));
    for (const f of diff.changed) process.stderr.write(`differs: ${rel(f)}\n`);
    for (const f of diff.missing) process.stderr.write(`missing: ${rel(f)}\n`);
    for (const f of diff.extra) process.stderr.write(`not generated: ${rel(f)}\n`);
    const count = diff.changed.length + diff.missing.length + diff.extra.length;
    stale += count;
    process.stdout.write(`${result.id}: ${count === 0 ? 'up to date' : `${count} file(s) out of date`}\n`);
  }
  // Providers documented by an API page: the committed swagger.json must be what the importer makes of the page.
  for (const id of ids) {
    const page = path.join(ws.specsDir, id, 'userapi-docs.txt');
    const text = await readFile(page, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const label = path.join('specs', id, 'userapi-docs.txt');
    const expected = serialiseDocument(importDocs(text, { file: label }).document);
    const actual = await readFile(path.join(ws.specsDir, id, 'swagger.json'), 'utf8').catch(() => '');
    if (actual !== expected) {
      stale++;
      process.stderr.write(`differs: specs/${id}/swagger.json is not the import of ${label} (run \`npm run import-docs -- --provider ${id}\`)\n`);
    }
  }
  if (stale > 0) process.stderr.write('generated/ is stale: run `npm run generate` and commit the result.\n');
  return stale > 0 ? 1 : 0;
});
