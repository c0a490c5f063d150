/** A parameter the caller must pass, with enough type information to write a sample call. */
export interface RequiredParam {
  readonly name: string;
  readonly sample: string | number | boolean | readonly string[];
}

export type HttpMethodUpper = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Everything the renderers need to know about one operation; derived once from the document. */
export interface OperationModel {
  readonly operationId: string;
  readonly method: HttpMethodUpper;
  /** OpenAPI path template with `{name}` placeholders. */
  readonly path: string;
  /** Member of the client that holds the method (camelCase, from the tag). */
  readonly group: string;
  /** The tag as written in the document, for docs. */
  readonly groupTitle: string;
  /** Method name inside the group. */
  readonly name: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyParams: readonly string[];
  /** How the body is built: from named fields, from a whole `body` param, or none. */
  readonly body: 'fields' | 'whole' | 'none';
  readonly auth: boolean;
  readonly response: 'json' | 'binary';
  /** Media type keys of the JSON request body and the typed success response, as the document spells them. */
  readonly bodyMediaType?: string;
  readonly responseMediaType?: string;
  /** The response schema was inferred from a documented example (x-inferred-from-example). */
  readonly responseInferred: boolean;
  /** Whether a successful response has a declared JSON schema. */
  readonly hasResponseSchema: boolean;
  /** 2xx status code whose content types the response, when any. */
  readonly successStatus?: string;
  readonly hasQuery: boolean;
  readonly queryRequired: boolean;
  readonly hasPath: boolean;
  readonly bodyRequired: boolean;
  readonly requiredParams: readonly RequiredParam[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly paged: boolean;
  /** JSON pointer of the operation in the normalised document. */
  readonly pointer: string;
}

export interface GroupModel {
  readonly name: string;
  readonly title: string;
  readonly className: string;
  readonly description?: string;
  readonly operations: readonly OperationModel[];
}

/** How the client authenticates: the provider's schemes (HostBill) or the document's own. */
export interface ClientAuthModel {
  readonly schemes: readonly ('basic' | 'jwt' | 'bearer' | 'apiKey')[];
  readonly apiKey?: { readonly in: 'header' | 'query'; readonly name: string };
}

export interface ClientModel {
  readonly className: string;
  readonly auth: ClientAuthModel;
  readonly groups: readonly GroupModel[];
  readonly operations: readonly OperationModel[];
}
