// What the compiled CLIs were built from: one hash of every file under generator/ (names and
// contents) and the tsconfig esbuild reads. launch.mjs compares it with the one bundle.mjs
// recorded, so a compiled CLI never runs older code than the sources (about 10 ms for 0.8 MB).
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

export async function sourceStamp(root) {
  const names = [...(await filesUnder(path.join(root, 'generator'), 'generator')), 'tsconfig.json'].sort();
  const hash = createHash('sha256');
  const contents = await Promise.all(names.map((name) => readFile(path.join(root, name)).catch(() => Buffer.alloc(0))));
  names.forEach((name, i) => hash.update(`\0${name}\0${contents[i].length}\0`).update(contents[i]));
  return hash.digest('hex');
}
