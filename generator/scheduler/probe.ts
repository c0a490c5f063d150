/** Imported by worker.mjs to learn whether this thread can load TypeScript. */
export const probe = true;
