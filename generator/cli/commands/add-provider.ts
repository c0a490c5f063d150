import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Warning } from '../../engine/package-result.ts';
import { addProvider, type AddedProvider } from '../../use-cases/add-provider.ts';
import { workspace } from '../../workspace.ts';
import type { CliCommand } from '../command.ts';

interface Options {
  id: string;
  from: string;
  displayName?: string;
  baseUrl?: string;
  force?: boolean;
  timeout: number;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number of milliseconds');
  return n;
}

/** Spec text is data: control characters (terminal escapes among them) never reach the terminal. */
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function warningLine(warning: Warning): string {
  return `  warning: ${printable(warning.message)}${warning.pointer !== undefined ? ` (#${printable(warning.pointer)})` : ''}\n`;
}

/** What was detected, one setting a line, as provider.json and the client now have it. */
function detectedLines(added: AddedProvider): string {
  const { config, settings } = added;
  const { jwt } = settings;
  const lines = [
    `${added.id}: found ${added.found === 'page' ? 'an API page (imported into swagger.json)' : 'a Swagger/OpenAPI document'} at ${printable(added.source)}`,
    `  display name: ${printable(config.displayName)}`,
    `  package:      ${config.packageName}`,
    `  base URL:     ${printable(config.baseUrl)}${settings.apiPrefix !== '' ? ` (the paths' ${settings.apiPrefix} prefix moved into it)` : ''}`,
    `  auth:         ${config.auth.join(', ')}${added.authDeclared ? ' (declared by the document)' : ' (the document declares none: HostBill Basic)'}`,
  ];
  if (config.auth.includes('jwt')) {
    lines.push(
      `  JWT:          login ${printable(jwt.login)}, refresh ${printable(jwt.refresh)}, revoke ${printable(jwt.revoke ?? '-')}, logout ${printable(jwt.logout ?? '-')}; answers carry "${printable(jwt.tokenField)}" and "${printable(jwt.refreshField)}"`,
    );
  }
  if (config.specUrl !== undefined) lines.push(`  spec URL:     ${printable(added.source)}`);
  lines.push(`  wrote ${added.files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = {
  program: () =>
    new Command('add-provider')
      .description(
        'Add a HostBill provider from its address or a saved document: find the published document (/?cmd=userapi&action=swagger, else the /userapi page) with the same fetching and checks as sync, write specs/<id>/ (the document byte for byte and a provider.json from what it declares), and generate generated/<id>/.',
      )
      .requiredOption('--id <id>', 'the provider id: folder under specs/ and generated/ (lowercase letters, digits, dashes)')
      .requiredOption('--from <url-or-file>', 'the billing host (https://my.example.com), a Swagger or /userapi URL, or a saved document')
      .option('--display-name <name>', "the provider's name (default: the document's title)")
      .option('--base-url <url>', "the API's base URL (default: the document's server)")
      .option('--force', 'replace specs/<id>/ when it exists')
      .option('--timeout <ms>', 'give up on a download after this many milliseconds', positiveInteger, 30_000)
      .addHelpText(
        'after',
        '\nExamples:\n  npm run add-provider -- --id example --from https://my.example.com\n  npm run add-provider -- --id example --from ./openapi.json --display-name "Example Hosting"\n\nEvery setting provider.json gets is printed; review it and generated/<id>/normalisation-report.md before committing.\nExit codes: 0 added, 1 nothing usable found or generation failed (specs/<id>/ left as it was), 2 usage error (an existing id without --force).',
      ),

  async run(program, ctx) {
    const opts = program.opts<Options>();
    const ws = workspace(ctx.root);
    const added = await addProvider(ws, { id: opts.id, from: opts.from, displayName: opts.displayName, baseUrl: opts.baseUrl, force: opts.force, timeoutMs: opts.timeout, cwd: ctx.cwd });
    ctx.io.stdout(detectedLines(added));
    const { result } = added;
    ctx.io.stdout(`${added.id}: ${plural(result.operations, 'operation')}, ${plural(result.corrections, 'correction')}, ${plural(result.warnings.length, 'warning')}\n`);
    for (const warning of result.warnings) ctx.io.stdout(warningLine(warning));
    ctx.io.stdout(`${added.id}: ${result.files.size} files written to ${path.posix.join('generated', added.id)}/; report: ${added.report}\n`);
    return 0;
  },
};
