/**
 * What the generator must know about the runtime, in one place. Not copied into packages: the
 * generator imports it. `test/runtime/contracts.test.ts` checks every list against the runtime itself.
 */
import type { HostBillClient } from './hostbill.js';

/**
 * How the runtime writes a body of each media type (JSON, multipart, form, text, binary): the
 * generator picks the body's params shape and type with the runtime's own classification.
 */
export { mediaKind, type MediaKind } from './internal/media-types.js';

/**
 * Every member name on an `ApiClient` instance and its prototype chain (the runtime's own methods and
 * those every object inherits): a generated group property must not take one, or it would shadow it.
 */
export const CLIENT_MEMBERS = [
  'constructor',
  'request',
  'paginate',
  'logout',
  'sleep',
  // Object.prototype
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

/** Where a name comes from and whether it is a value or a type. */
export interface ModuleImports {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

/**
 * What the generated `src/client.ts` imports from the runtime, by module. `./runtime/jwt.js` only
 * when the provider offers JWT; `./runtime/hostbill.js` only for HostBill providers (`HostBillClient`
 * only when the client implements it). Importing them nowhere else keeps other bundles free of them.
 */
export const RUNTIME_IMPORTS = {
  './runtime/index.js': { values: ['ApiClient'], types: ['ApiPromise', 'ClientOptions', 'RequestOptions'] },
  './runtime/jwt.js': { values: ['jwtSession'], types: [] },
  './runtime/hostbill.js': { values: ['hostbillRules'], types: ['HostBillClient'] },
} as const satisfies Record<string, ModuleImports>;

/** The value names the generated `client.ts` imports from the runtime. */
export const RUNTIME_VALUE_IMPORTS: readonly string[] = Object.values(RUNTIME_IMPORTS).flatMap((m) => m.values);

/** Every name the generated `client.ts` imports from the runtime: no generated class may take one. */
export const RUNTIME_IMPORT_NAMES: readonly string[] = Object.values(RUNTIME_IMPORTS).flatMap((m) => [...m.values, ...m.types]);

/**
 * What a package's `src/index.ts` re-exports from `./runtime/index.js` (which exports exactly these):
 * `export { …values } from './runtime/index.js'; export type { …types } from './runtime/index.js';`.
 * `OperationSpec` is public because the package's `operations` table and `paginate` use it;
 * `ProviderDefaults`, `jwtSession`, `hostbillRules` and everything under `internal/` are not.
 */
export const PUBLIC_RUNTIME_EXPORTS = {
  values: [
    'ApiClient',
    'ApiError',
    'ApiConnectionError',
    'ApiTimeoutError',
    'ApiAbortError',
    'BadRequestError',
    'AuthenticationError',
    'PermissionDeniedError',
    'NotFoundError',
    'ConflictError',
    'UnprocessableEntityError',
    'RateLimitError',
    'InternalServerError',
    'InvalidResponseError',
    'ResponseTooLargeError',
    'RedirectError',
    'RedirectLoopError',
    'ThrottleError',
  ],
  types: [
    'ApiPromise',
    'ApiErrorInit',
    'AuthScheme',
    'ClientOptions',
    'Credentials',
    'HttpMethod',
    'Lenient',
    'LogLevel',
    'Logger',
    'OperationSpec',
    'RequestEvent',
    'RequestOptions',
    'ResponseEvent',
  ],
} as const satisfies ModuleImports;

/** What a HostBill package's `src/index.ts` re-exports from `./runtime/hostbill.js` (types only). */
export const PUBLIC_HOSTBILL_EXPORTS = {
  values: [],
  types: ['HostBillClient', 'HostBillDnsApi', 'HostBillId', 'DnsRecordFields'],
} as const satisfies ModuleImports;

/** Group → method names a client needs to implement `HostBillClient`; a name not on the interface does not compile. */
export const HOSTBILL_COMMON = {
  account: ['getDetails'],
  clientarea: ['getDetails'],
  billing: ['getBalance'],
  dns: [
    'listZones', 'createZone', 'deleteZone', 'createRecord', 'updateRecord', 'deleteRecord',
    'getDns', 'postServiceDns', 'deleteServiceDnsByZoneId', 'postServiceDnsRecords', 'putServiceDnsRecordsByRecordId', 'deleteServiceDnsRecordsByRecordId',
  ],
} as const satisfies { readonly [G in keyof HostBillClient]: readonly (keyof HostBillClient[G])[] };

/** `never` when HOSTBILL_COMMON lists every method of every group; else the missing `group.method` names. */
type UnlistedHostBillMethods = {
  [G in keyof HostBillClient]: Exclude<keyof HostBillClient[G], (typeof HOSTBILL_COMMON)[G][number]> extends infer M extends string ? `${G}.${M}` : never;
}[keyof HostBillClient];
/** Fails to compile, naming the method, when `HostBillClient` gains one HOSTBILL_COMMON lacks. */
export const HOSTBILL_COMMON_IS_COMPLETE: [UnlistedHostBillMethods] extends [never] ? true : UnlistedHostBillMethods = true;
