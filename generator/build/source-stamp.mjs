// What the compiled CLIs were built from: one hash of every file under generator/, of the modules
// under templates/ (the generator imports the runtime's contracts and types from there, so esbuild
// bundles them), names and contents, and the tsconfig esbuild reads. launch.mjs compares it with the one bundle.mjs
// recorded, so a compiled CLI never runs older code than the sources; it hashes them only when
// their fingerprints (file-fingerprints.mjs) differ from the recorded ones.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

async function filesUnder(dir, rel) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out = [];
  for (const entry of entries) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

/** The files the stamp covers, relative to `root`, sorted. */
export async function sourceFiles(root) {
  const modules = (await filesUnder(path.join(root, 'templates'), 'templates')).filter((name) => /\.[cm]?[jt]s$/.test(name));
  return [...(await filesUnder(path.join(root, 'generator'), 'generator')), ...modules, 'tsconfig.json'].sort();
}

export async function sourceStamp(root, names) {
  const files = names ?? (await sourceFiles(root));
  const hash = createHash('sha256');
  const contents = await Promise.all(files.map((name) => readFile(path.join(root, name)).catch(() => Buffer.alloc(0))));
  files.forEach((name, i) => hash.update(`\0${name}\0${contents[i].length}\0`).update(contents[i]));
  return hash.digest('hex');
}
