/**
 * Runs `generate` for every provider in a new process. Each package's package.json records a hash of
 * the generator's inputs, package-lock.json included, computed once per process; after release has
 * rewritten the lockfile, only a fresh process renders what `check` will expect.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../errors.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GENERATE_CLI = path.resolve(HERE, '../cli/generate.ts');
/** The clientgen installation, where loaders named in execArgv (`--import tsx`) resolve. */
const INSTALLATION = path.resolve(HERE, '../..');

export function regenerateAll(root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, GENERATE_CLI],
      { cwd: INSTALLATION, env: { ...process.env, CLIENTGEN_ROOT: root }, maxBuffer: 16 * 1024 * 1024, timeout: 1_800_000 },
      (error, stdout, stderr) => {
        if (error) reject(new GeneratorError({ file: path.join(root, 'generated') }, `regenerating after the lockfile update failed: ${stderr.trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}
