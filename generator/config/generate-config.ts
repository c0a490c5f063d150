import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GeneratorError } from '../errors.ts';
import { parseDocumentText } from '../load/load-document.ts';
import type { AdHocOptions } from './ad-hoc-provider.ts';

/** One package of a config file: a document (file or URL), where its package goes, and how it is made. */
export interface ConfiguredPackage extends AdHocOptions {
  readonly spec: string;
  readonly out: string;
}

const KEYS = new Set(['spec', 'out', 'name', 'overlay', 'repository', 'hostbill', 'allowRemoteRefs']);
const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

/**
 * `clientgen.config.json` (or `.yaml`): `{ "packages": [ { "spec", "out", "name"?, "overlay"?,
 * "repository"?, "hostbill"?, "allowRemoteRefs"? } ] }`, for users who regenerate their own documents
 * repeatedly. Paths are relative to the config file's folder; every problem names the file and pointer.
 */
export async function loadGenerateConfig(file: string): Promise<ConfiguredPackage[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GeneratorError({ file }, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${String(error)})`);
  }
  const raw = parseDocumentText(text, file);
  const fail = (pointer: string, problem: string): never => {
    throw new GeneratorError({ file, pointer }, problem);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('', 'the config must be an object with a "packages" array');
  for (const key of Object.keys(raw)) if (key !== 'packages' && key !== '$schema') fail(`/${key}`, `unknown setting "${key}"`);
  const packages = (raw as { packages?: unknown }).packages;
  if (!Array.isArray(packages) || packages.length === 0) return fail('/packages', '"packages" must be a non-empty array');
  const dir = path.dirname(path.resolve(file));
  const outs = new Map<string, number>();
  return packages.map((entry: unknown, index): ConfiguredPackage => {
    const at = `/packages/${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(at, 'each package must be an object');
    const obj = entry as Record<string, unknown>;
    for (const key of Object.keys(obj)) if (!KEYS.has(key)) fail(`${at}/${key}`, `unknown setting "${key}"; known: ${[...KEYS].join(', ')}`);
    const text = (key: string, required: boolean): string | undefined => {
      const value = obj[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.trim() === '') return fail(`${at}/${key}`, `"${key}" must be a non-empty string`);
      return value;
    };
    const flag = (key: string): boolean | undefined => {
      const value = obj[key];
      if (value !== undefined && typeof value !== 'boolean') fail(`${at}/${key}`, `"${key}" must be true or false`);
      return value as boolean | undefined;
    };
    const spec = text('spec', true) as string;
    const out = path.resolve(dir, text('out', true) as string);
    const twin = outs.get(out);
    if (twin !== undefined) fail(`${at}/out`, `"out" is also the folder of /packages/${twin}`);
    outs.set(out, index);
    const overlay = text('overlay', false);
    const name = text('name', false);
    const repository = text('repository', false);
    const hostbill = flag('hostbill');
    const allowRemoteRefs = flag('allowRemoteRefs');
    return {
      spec: isUrl(spec) ? spec : path.resolve(dir, spec),
      out,
      ...(name !== undefined ? { name } : {}),
      ...(overlay !== undefined ? { overlay: path.resolve(dir, overlay) } : {}),
      ...(repository !== undefined ? { repository } : {}),
      ...(hostbill !== undefined ? { hostbill } : {}),
      ...(allowRemoteRefs !== undefined ? { allowRemoteRefs } : {}),
    };
  });
}
