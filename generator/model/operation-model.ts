import type { AuthScheme, OperationSpec } from '../../templates/runtime/types.ts';

/** A parameter the caller must pass, with enough type information to write a sample call. */
export interface RequiredParam {
  readonly name: string;
  readonly sample: string | number | boolean | readonly string[];
}

/** A top-level field of an operation's JSON answer; `collection` when it is an array or an object keyed by id. */
export interface ResponseField {
  readonly name: string;
  readonly collection: boolean;
}

/**
 * Everything the renderers need to know about one operation; derived once from the document. It
 * extends the runtime's `OperationSpec`, the shape of each entry of the emitted `operations` table,
 * so the generator and the runtime cannot disagree about it.
 */
export interface OperationModel extends OperationSpec {
  /** The operation's key: its normalised operationId, the key of the `operations` table. */
  readonly operationId: string;
  /** `DnsGetZone`: the stem of `DnsGetZoneParams` / `DnsGetZoneResponse`. */
  readonly typeStem: string;
  /** The tag as written in the document, for docs. */
  readonly groupTitle: string;
  /** Media type keys of the request body the client sends by default (`contentTypes[0]`) and of the typed success response, as the document spells them. */
  readonly bodyMediaType?: string;
  readonly responseMediaType?: string;
  /** The component schema the success body is (`$ref`), when it is one. */
  readonly responseSchema?: string;
  /** The component schema the JSON request body is (`$ref`), when it is one. */
  readonly bodySchema?: string;
  /** Error responses (4xx, 5xx, `default`) the document gives a JSON schema, in document order. */
  readonly errors: readonly ErrorResponseModel[];
  /** The response schema was inferred from a documented example (x-inferred-from-example). */
  readonly responseInferred: boolean;
  /** Whether a successful response has a declared JSON schema. */
  readonly hasResponseSchema: boolean;
  /** 2xx status code whose content types the response, when any. */
  readonly successStatus?: string;
  readonly hasQuery: boolean;
  readonly queryRequired: boolean;
  /** A header parameter the client sends (`headerParams`) is required. */
  readonly headerRequired: boolean;
  readonly hasPath: boolean;
  readonly bodyRequired: boolean;
  readonly requiredParams: readonly RequiredParam[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly paged: boolean;
  /**
   * Parameters (path, query, header, body fields) whose schema is only a string or only a number:
   * a HostBill capability interface is declared only where these agree with its own parameters.
   */
  readonly scalarParams?: Readonly<Record<string, 'string' | 'number'>>;
  /** The top-level fields of the JSON answer, as documented (none when it is not an object). */
  readonly responseFields?: readonly ResponseField[];
  /** JSON pointer of the operation in the normalised document. */
  readonly pointer: string;
  /** HostBill: the operation's 0.1.x group and method name, where they differ from today's. */
  readonly legacyName?: { readonly group: string; readonly name: string };
}

/** One documented error response with a JSON body. */
export interface ErrorResponseModel {
  /** `404`, `4XX`, `default`. */
  readonly status: string;
  readonly mediaType: string;
  /** Its component schema, when the body is a `$ref` to one. */
  readonly schema?: string;
}

/** A component schema of the document and the name `types.ts` exports it under. */
export interface SchemaTypeModel {
  readonly name: string;
  readonly alias: string;
  /** Inferred from documented examples (x-inferred-from-example). */
  readonly inferred: boolean;
}

/** A 0.1.x method name kept callable, `@deprecated`, that calls `target`. */
export interface DeprecatedAlias {
  readonly name: string;
  readonly target: OperationModel;
}

export interface GroupModel {
  readonly name: string;
  readonly title: string;
  readonly className: string;
  readonly description?: string;
  readonly operations: readonly OperationModel[];
  readonly aliases: readonly DeprecatedAlias[];
  /** A 0.1.x group that no longer exists: it holds only aliases. */
  readonly deprecated?: boolean;
}

/** How the client authenticates: the provider's schemes (HostBill) or the document's own. */
export interface ClientAuthModel {
  readonly schemes: readonly AuthScheme[];
  readonly apiKey?: { readonly in: 'header' | 'query' | 'cookie'; readonly name: string };
}

/** What the document says about itself (after repairs), for the package's metadata and README. */
export interface DocumentInfoModel {
  readonly title: string;
  readonly summary?: string;
  readonly description?: string;
}

export interface ClientModel {
  readonly document: DocumentInfoModel;
  readonly className: string;
  /** Prefix of the environment variables the client reads (`TIME4VPS_USERNAME`). */
  readonly envPrefix: string;
  readonly auth: ClientAuthModel;
  readonly groups: readonly GroupModel[];
  /** 0.1.x groups that no longer exist, kept as deprecated properties holding aliases. */
  readonly legacyGroups: readonly GroupModel[];
  readonly operations: readonly OperationModel[];
  /** Every component schema, in document order, with its exported alias. */
  readonly schemaTypes: readonly SchemaTypeModel[];
  /**
   * HostBill: parameters are `Lenient` (numeric strings for numbers, `string | number` path
   * parameters, `null` for optional fields). Generic documents keep their document's types.
   */
  readonly lenientParams: boolean;
}
