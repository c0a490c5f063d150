/** `[name, size, mtimeMs]`: how a file is told unchanged without reading it. */
export type Fingerprint = [name: string, size: number, mtimeMs: number];

export function fileFingerprints(root: string, names: readonly string[]): Promise<Fingerprint[]>;

export function sameFingerprints(recorded: unknown, current: readonly Fingerprint[]): boolean;
