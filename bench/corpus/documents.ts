/**
 * The corpus: which documents, and what each declares. The declared request bodies are read from the
 * document itself, once, so every tool is measured against the same list.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface CorpusDocument {
  /** Folder-safe and unique: used for every tool's output folder. */
  readonly id: string;
  readonly file: string;
  /** How the report names it (relative to its source). */
  readonly label: string;
  readonly version: string;
  /** Operations (method + path) of the document. */
  readonly operations: number;
  /** `METHOD /path/{}` of every operation that declares a request body (GET and HEAD left out: fetch cannot send one). */
  readonly bodies: readonly string[];
  /** The path part of the servers / basePath, which some tools keep in the operation's path. */
  readonly prefixes: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `/pets/{petId}` and `/pets/${id}` both become `/pets/{}`: tools rename path parameters. */
export const pathKey = (method: string, route: string): string => `${method.toUpperCase()} ${route.replace(/\$?\{[^}]*\}/g, '{}').replace(/(.)\/$/, '$1')}`;

function resolve(doc: Json, value: unknown, depth = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/') || depth > 20) return value;
  let cur: unknown = doc;
  for (const part of value.$ref.slice(2).split('/')) cur = isObject(cur) ? cur[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return resolve(doc, cur, depth + 1);
}

async function parse(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text, { uniqueKeys: false });
    } catch {
      return undefined;
    }
  }
}

function prefixesOf(doc: Json): string[] {
  const out = new Set<string>();
  if (typeof doc.basePath === 'string' && doc.basePath !== '/') out.add(doc.basePath.replace(/\/$/, ''));
  for (const server of Array.isArray(doc.servers) ? doc.servers : []) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const p = server.url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\{[^}]*\}/g, '').replace(/\/$/, '');
    if (p.startsWith('/') && p !== '') out.add(p);
  }
  return [...out];
}

/** What the document declares; an unreadable document declares nothing (the tools then fail on it). */
export async function describeDocument(file: string, label: string, id: string): Promise<CorpusDocument> {
  const raw = await parse(file);
  const doc = isObject(raw) ? raw : {};
  const version = typeof doc.swagger === 'string' || typeof doc.swagger === 'number' ? String(doc.swagger) : typeof doc.openapi === 'string' ? doc.openapi : '?';
  const bodies: string[] = [];
  let operations = 0;
  for (const [route, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const item = resolve(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      operations++;
      if (method === 'get' || method === 'head') continue;
      const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => resolve(doc, p));
      const swaggerBody = params.some((p) => isObject(p) && (p.in === 'body' || p.in === 'formData'));
      const requestBody = resolve(doc, op.requestBody);
      const openapiBody = isObject(requestBody) && isObject(requestBody.content) && Object.keys(requestBody.content).length > 0;
      if (swaggerBody || openapiBody) bodies.push(pathKey(method, route));
    }
  }
  return { id, file, label, version, operations, bodies, prefixes: prefixesOf(doc) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await filesUnder(full)));
    else if (/\.(json|ya?ml)$/.test(name)) out.push(full);
  }
  return out;
}

const idOf = (label: string): string => label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/** Every Swagger 2.0 / OpenAPI 3.0 / 3.1 document of @readme/oas-examples, and GitHub's REST document. */
export async function builtInCorpus(root: string): Promise<CorpusDocument[]> {
  const examples = path.join(root, 'node_modules/@readme/oas-examples');
  const docs: CorpusDocument[] = [];
  for (const version of ['2.0', '3.0', '3.1']) {
    for (const file of await filesUnder(path.join(examples, version))) {
      const label = `oas-examples/${path.relative(examples, file)}`;
      docs.push(await describeDocument(file, label, idOf(label)));
    }
  }
  const github = path.join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
  docs.push(await describeDocument(github, '@octokit/openapi api.github.com.json', 'github'));
  return docs;
}

export { filesUnder, idOf };
