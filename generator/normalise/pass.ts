import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderConfig } from '../config/provider-config.ts';

export type OpenApiDocument = OpenAPIV3.Document;

/** One line of the normalisation report: what a pass changed, or what it saw and left alone. */
export interface ReportEntry {
  readonly pass: string;
  readonly kind: 'change' | 'warning';
  readonly message: string;
  /** JSON pointer into the normalised document (or the source document, where stated). */
  readonly pointer?: string;
}

export interface PassContext {
  readonly provider: ProviderConfig;
  /** The source document's file, for errors. */
  readonly file: string;
  /** Record a change this pass made. */
  record(message: string, pointer?: string): void;
  /** Record something the pass could not use or decide, so it appears in the report. */
  warn(message: string, pointer?: string): void;
}

/**
 * A normalisation pass. The pipeline hands each pass its own working copy of the document, so a
 * pass mutates `doc` in place and reports every change through `ctx`.
 */
export interface NormalisePass {
  readonly name: string;
  /** One sentence for the report's header: the rule this pass applies. */
  readonly rule: string;
  /** Only for providers whose config marks them as HostBill. */
  readonly hostbillOnly: boolean;
  run(doc: OpenApiDocument, ctx: PassContext): void;
}

/**
 * One token of a `$ref`'s fragment: percent-decoded (a `%` that starts no valid escape is taken
 * literally, so a hostile `$ref` cannot throw), then RFC 6901-unescaped.
 */
export function decodePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // not percent-encoding: keep the token as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** RFC 6901 JSON pointer from path tokens. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A Swagger 2.0 document as published, before conversion; source passes repair what would stop conversion. */
export type SwaggerDocument = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>> };

/** A pass over the source document (Swagger 2.0 or OpenAPI 3.x as loaded), before conversion. */
export interface SourcePass {
  readonly name: string;
  readonly rule: string;
  readonly hostbillOnly: boolean;
  /** Which kinds of source document the pass applies to. */
  readonly appliesTo: readonly ('swagger2' | 'openapi3')[];
  run(doc: SwaggerDocument, ctx: PassContext): void;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
