// How the npm scripts start a command: `node generator/build/launch.mjs <command> [args]`. Runs the
// compiled CLI from dist/clientgen/ (bundle.mjs), compiling it first when it is missing or older
// than the sources, so an edit to the generator is always what runs. Compiled, a command starts
// in about 0.1 s; through the tsx loader it took 0.4–0.5 s before doing anything.
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS, OUT_DIR, ROOT, bundle, bundleIsCurrent } from './bundle.mjs';

// Node 22.1+ keeps V8's compiled code of the modules on disk (TypeScript's 9 MB compiler among
// them) for the next start; Node 20 has no such cache, and this does nothing there.
module.enableCompileCache?.();

const name = process.argv[2];
if (!COMMANDS.includes(name)) {
  process.stderr.write(`usage: node generator/build/launch.mjs <${COMMANDS.join('|')}> [options]\n`);
  process.exit(2);
}
// The command reads its own arguments from process.argv.slice(2), as when it is run directly.
process.argv.splice(2, 1);

const entry = path.join(OUT_DIR, `${name}.mjs`);
let compiled = existsSync(entry) && (await bundleIsCurrent());
if (!compiled) {
  compiled = await bundle().then(
    () => true,
    (error) => {
      // Still runnable, only slower: the TypeScript sources through tsx.
      process.stderr.write(`note: could not compile the generator (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running it through tsx\n`);
      return false;
    },
  );
}
if (compiled) await import(pathToFileURL(entry).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, 'generator/cli', `${name}.ts`)).href);
}
