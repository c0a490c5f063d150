// Telling a set of files unchanged without reading them, as make and git do: by each file's size and
// modification time. A caller records the fingerprints it saw beside the content hash it computed,
// and reads the files again only when a fingerprint differs (an edit, a checkout, an added or
// removed file), so a command that finds nothing changed stats files instead of hashing megabytes.
// Plain JavaScript, so launch.mjs can use it before anything is compiled.
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** `[name, size, mtimeMs]` of each file (names relative to `root`), in the order given; a missing file has size -1. */
export async function fileFingerprints(root, names) {
  return Promise.all(
    names.map((name) =>
      stat(path.join(root, name)).then(
        (s) => [name, s.size, s.mtimeMs],
        () => [name, -1, -1],
      ),
    ),
  );
}

/** True when `recorded` (as read back from JSON) lists exactly the files and fingerprints of `current`. */
export function sameFingerprints(recorded, current) {
  if (!Array.isArray(recorded) || recorded.length !== current.length) return false;
  return current.every(([name, size, mtime], i) => {
    const entry = recorded[i];
    return Array.isArray(entry) && entry[0] === name && entry[1] === size && entry[2] === mtime && size >= 0;
  });
}
