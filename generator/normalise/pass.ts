import type { OpenApiDocument, SourceDocument } from '../openapi/index.ts';
import type { ProviderConfig } from '../config/provider-config.ts';
import type { PreviousName } from '../naming/index.ts';


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
  /** The previous package's names, which its operations keep (`naming/stable.ts`). */
  readonly previousNames?: readonly PreviousName[] | undefined;
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

/** A pass over the source document (Swagger 2.0 or OpenAPI 3.x as loaded), before conversion. */
export interface SourcePass {
  readonly name: string;
  readonly rule: string;
  readonly hostbillOnly: boolean;
  /** Which kinds of source document the pass applies to. */
  readonly appliesTo: readonly ('swagger2' | 'openapi3')[];
  run(doc: SourceDocument, ctx: PassContext): void;
}
