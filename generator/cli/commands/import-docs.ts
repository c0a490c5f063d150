import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { importDocs, serialiseDocument } from '../../import-docs/index.ts';
import type { CliCommand } from '../command.ts';

interface Options {
  provider?: string;
  out?: string;
  host?: string;
  section?: string[];
}

/** Write then rename, so a reader never sees half a file and a failed run leaves the old one. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export const command: CliCommand = {
  program: () =>
    new Command('import-docs')
      .description('Turn a HostBill API page (text rendering of /userapi) into a Swagger 2.0 document in the shape HostBill publishes.')
      .argument('[file]', 'the page to import (text rendering); the document goes to stdout unless --out is given')
      .option('-p, --provider <id>', 'import specs/<id>/userapi-docs.txt into specs/<id>/swagger.json')
      .option('-o, --out <file>', 'write the document here (atomically) instead of the default')
      .option('--host <host>', 'API host to use instead of the one found in the samples')
      .option('--section <name...>', 'extra section headings beyond the built-in HostBill list')
      .addHelpText(
        'after',
        '\nNotes (what the importer decided by rule or could not decide) and the operation count go to stderr.\nExit codes: 0 imported, 1 import error (message starts with <file>:<line>:), 2 usage error.',
      ),

  async run(program, ctx) {
    const opts = program.opts<Options>();
    const fileArg = program.args[0];
    if (fileArg !== undefined && opts.provider !== undefined) throw new UsageError('give either a file or --provider, not both');
    if (fileArg === undefined && opts.provider === undefined) throw new UsageError('give a page file or --provider <id> (see --help)');

    let input: string;
    let label: string;
    let out = opts.out === undefined ? undefined : path.resolve(ctx.cwd, opts.out);
    if (opts.provider !== undefined) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.provider)) throw new UsageError(`invalid provider id "${opts.provider}" (lowercase letters, digits and dashes)`);
      label = path.join('specs', opts.provider, 'userapi-docs.txt');
      input = path.join(ctx.root, label);
      out ??= path.join(ctx.root, 'specs', opts.provider, 'swagger.json');
      if (!existsSync(input)) throw new UsageError(`provider "${opts.provider}" has no API page: ${label} does not exist`);
    } else {
      input = path.resolve(ctx.cwd, fileArg as string);
      label = fileArg as string;
      if (!existsSync(input)) throw new UsageError(`no such file: ${label}`);
    }

    const text = await readFile(input, 'utf8');
    const result = importDocs(text, { file: label, ...(opts.host ? { host: opts.host } : {}), ...(opts.section ? { sections: opts.section } : {}) });
    const json = serialiseDocument(result.document);
    for (const note of result.notes) ctx.io.stderr(`note: ${note}\n`);
    if (out !== undefined) {
      await writeAtomically(out, json);
      ctx.io.stderr(`${label}: ${result.operationCount} operations, ${result.notes.length} notes → ${path.relative(ctx.cwd, out) || out}\n`);
    } else {
      ctx.io.stdout(json);
      ctx.io.stderr(`${label}: ${result.operationCount} operations, ${result.notes.length} notes\n`);
    }
    return 0;
  },
};
