import path from 'node:path';
import { isObject, pointer, type SourceDocument } from '../../openapi/index.ts';
import { type PassContext, type SourcePass } from '../pass.ts';

/** The top-level fields each kind of document may have (besides `x-` extensions). */
const TOP_LEVEL: Record<'swagger2' | 'openapi3.0' | 'openapi3.1', ReadonlySet<string>> = {
  swagger2: new Set(['swagger', 'info', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'paths', 'definitions', 'parameters', 'responses', 'securityDefinitions', 'security', 'tags', 'externalDocs']),
  'openapi3.0': new Set(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs']),
  'openapi3.1': new Set(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs']),
};

function dialect(doc: SourceDocument): keyof typeof TOP_LEVEL {
  if (typeof doc.swagger === 'string') return 'swagger2';
  return String(doc.openapi).startsWith('3.1') ? 'openapi3.1' : 'openapi3.0';
}

/** A title for a document without one: its file name, as the package is named when `--name` is not given. */
function titleFromFile(file: string): string {
  return path.basename(file).replace(/\.(json|ya?ml)$/i, '') || 'API';
}

function repairInfo(doc: SourceDocument, ctx: PassContext): void {
  if (!isObject(doc.info)) {
    ctx.warn(`the document has no "info" object; added one titled ${JSON.stringify(titleFromFile(ctx.file))}, version "0.0.0"`, '/info');
    doc.info = { title: titleFromFile(ctx.file), version: '0.0.0' };
    return;
  }
  const info = doc.info as Record<string, unknown>;
  if (typeof info.title !== 'string' || info.title.trim() === '') {
    ctx.warn(`info.title is missing; the file name ${JSON.stringify(titleFromFile(ctx.file))} stands in`, '/info/title');
    info.title = titleFromFile(ctx.file);
  }
  if (typeof info.version === 'number' || typeof info.version === 'boolean') {
    // YAML reads `version: 1.10` as the number 1.1; the text as written is lost, the number is the best left.
    ctx.warn(`info.version ${JSON.stringify(info.version)} is a ${typeof info.version}, not a string; read as "${String(info.version)}" (quote it in YAML to keep e.g. 1.10)`, '/info/version');
    info.version = String(info.version);
  } else if (typeof info.version !== 'string') {
    ctx.warn('info.version is missing; "0.0.0" stands in', '/info/version');
    info.version = '0.0.0';
  }
}

/**
 * Defects of a document's outline that the peers repair silently, repaired the same way and reported
 * as warnings: a missing `info` or `info.title`, a version written as a YAML number, no `paths` (a
 * document of components or webhooks only), an unknown top-level field (kept as an `x-` extension).
 */
export const documentShapePass: SourcePass = {
  name: 'document-shape',
  rule: 'A missing info object, title or version is filled in (title: the file name; version: "0.0.0"), a numeric version becomes a string, a missing paths object becomes empty, and an unknown top-level field becomes an x- extension.',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    repairInfo(doc, ctx);
    if (doc.paths === undefined) {
      ctx.warn('the document has no "paths" (components or webhooks only): the package has no operations, only types', '/paths');
      doc.paths = {};
    }
    const allowed = TOP_LEVEL[dialect(doc)];
    for (const key of Object.keys(doc)) {
      if (allowed.has(key) || key.startsWith('x-')) continue;
      const renamed = `x-${key}`;
      const value = doc[key];
      delete doc[key];
      if (renamed in doc) {
        ctx.warn(`unknown top-level field ${JSON.stringify(key)} dropped (${renamed} is already there)`, pointer(key));
        continue;
      }
      doc[renamed] = value;
      ctx.warn(`unknown top-level field ${JSON.stringify(key)} kept as ${JSON.stringify(renamed)}`, pointer(key));
    }
  },
};
