/**
 * The shape of the data the generator writes into each package's `src/testing/index.ts`: for every
 * operation, what a request must look like (the checks the mock makes) and what it answers. It is
 * plain JSON, taken from the package's normalised OpenAPI document.
 */

/** The part of a JSON Schema the mock checks. `oneOf` arrives as `anyOf`: the mock accepts a value any variant accepts. */
export interface SchemaRule {
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly items?: SchemaRule;
  readonly properties?: Readonly<Record<string, SchemaRule>>;
  readonly required?: readonly string[];
  /** `false` refuses keys beyond `properties`; a rule checks their values. */
  readonly additionalProperties?: boolean | SchemaRule;
  readonly anyOf?: readonly SchemaRule[];
  readonly allOf?: readonly SchemaRule[];
}

/** One parameter: a path segment, a query parameter, a request header or a field of the JSON body. */
export interface ParamRule {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'body';
  readonly required?: boolean;
  readonly schema?: SchemaRule;
}

export interface OperationRules {
  readonly params?: readonly ParamRule[];
  /** The whole JSON body's schema, for operations that take `params.body` as the body. */
  readonly body?: SchemaRule;
  readonly bodyRequired?: boolean;
  /** The success answer: the documented example, else a sample that fits the response schema. */
  readonly answer?: unknown;
  /** `answer` is the documented example. */
  readonly documented?: boolean;
  /** Success status; default 200. */
  readonly status?: number;
  /** For binary operations: the documented content type of the file. */
  readonly contentType?: string;
}

export interface Catalog {
  /** The provider's base URL; the mock strips its path (`/api`) from request paths. */
  readonly baseUrl?: string;
  /** By route: `GET /service/{service_id}/dns`. */
  readonly operations: Readonly<Record<string, OperationRules>>;
}

/** The key of an operation in `Catalog.operations`. */
export const routeKey = (op: { readonly method: string; readonly path: string }): string => `${op.method.toUpperCase()} ${op.path}`;
