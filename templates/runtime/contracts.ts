/**
 * What the generator must know about the runtime, in one place. Not copied into packages: the
 * generator imports it. `test/runtime/contracts.test.ts` checks every list against the runtime itself.
 */
import type { HostBillInterfaces } from './hostbill.js';

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
 * when the provider offers JWT; `./runtime/paged-method.js` only when an operation pages; `./runtime/hostbill.js` only for HostBill providers (each interface
 * only when the client implements it). Importing them nowhere else keeps other bundles free of them.
 */
export const RUNTIME_IMPORTS = {
  './runtime/index.js': { values: ['ApiClient'], types: ['ApiPromise', 'ClientOptions', 'RequestOptions'] },
  './runtime/jwt.js': { values: ['jwtSession'], types: [] },
  './runtime/paged-method.js': { values: ['pagedMethod'], types: ['PagedMethod'] },
  './runtime/hostbill.js': { values: ['hostbillRules'], types: ['HostBillClient', 'HostBillDns', 'HostBillServices', 'HostBillBilling', 'HostBillAccount'] },
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
    'toList',
  ],
  types: [
    'ApiPromise',
    'Collection',
    'ApiErrorInit',
    'AuthScheme',
    'ClientOptions',
    'Credentials',
    'HttpMethod',
    'Lenient',
    'LogLevel',
    'Logger',
    'OperationSpec',
    'PagedMethod',
    'RequestEvent',
    'RequestOptions',
    'ResponseEvent',
  ],
} as const satisfies ModuleImports;

/** What a HostBill package's `src/index.ts` re-exports from `./runtime/hostbill.js` (types only). */
export const PUBLIC_HOSTBILL_EXPORTS = {
  values: [],
  types: [
    'HostBillClient', 'HostBillDnsApi', 'HostBillId', 'DnsRecordFields',
    'HostBillDns', 'HostBillServices', 'HostBillBilling', 'HostBillAccount',
    'HostBillDnsMethods', 'HostBillServicesMethods', 'HostBillBillingMethods', 'HostBillAccountMethods',
    'HostBillZoneSummary', 'HostBillZone', 'HostBillDnsRecord', 'HostBillZoneRef', 'HostBillRecordRef', 'HostBillRecordInput',
    'HostBillServiceSummary', 'HostBillBalance', 'HostBillInvoiceSummary', 'HostBillAccountDetails',
  ],
} as const satisfies ModuleImports;

/**
 * Interface → group → method names a client needs to implement it (`HostBillClient` and one
 * capability interface per feature); a client implements each whose methods it all has.
 */
export const HOSTBILL_INTERFACES = {
  HostBillClient: {
    account: ['getDetails'],
    clientarea: ['getDetails'],
    billing: ['getBalance'],
    dns: [
      'listZones', 'createZone', 'deleteZone', 'createRecord', 'updateRecord', 'deleteRecord',
      'getDns', 'postServiceDns', 'deleteServiceDnsByZoneId', 'postServiceDnsRecords', 'putServiceDnsRecordsByRecordId', 'deleteServiceDnsRecordsByRecordId',
    ],
  },
  HostBillDns: { dns: ['listZones', 'getZone', 'createRecord', 'updateRecord', 'deleteRecord'] },
  HostBillServices: { services: ['listServices', 'getService', 'cancel'] },
  HostBillBilling: { billing: ['getBalance', 'listInvoices', 'getInvoice'] },
  HostBillAccount: { account: ['getDetails'] },
} as const satisfies { readonly [I in keyof HostBillInterfaces]: { readonly [G in keyof HostBillInterfaces[I]]: readonly (keyof HostBillInterfaces[I][G])[] } };

/**
 * The top-level members of each typed answer of the capability interfaces (their other methods answer
 * `unknown`): a client declares a capability only where its document types these, since a package
 * whose answer is untyped (an unparseable example) or shaped otherwise would not compile.
 */
export const HOSTBILL_ANSWER_MEMBERS = {
  HostBillDns: { dns: { listZones: ['zones'], getZone: ['service_id', 'name', 'records'] } },
  HostBillServices: { services: { listServices: ['services'], getService: ['service'] } },
  HostBillBilling: { billing: { getBalance: ['details'], listInvoices: ['invoices'], getInvoice: ['invoice'] } },
  HostBillAccount: { account: { getDetails: ['client'] } },
} as const satisfies {
  readonly [I in keyof HostBillInterfaces]?: {
    readonly [G in keyof HostBillInterfaces[I]]?: {
      readonly [M in keyof HostBillInterfaces[I][G]]?: HostBillInterfaces[I][G][M] extends (...args: never[]) => PromiseLike<infer A> ? readonly (keyof A)[] : never;
    };
  };
};

/** The fields of a DNS record that `createRecord` and `updateRecord` take, in both DNS interfaces. */
const RECORD_FIELD_KINDS = { name: 'string', type: 'string', content: 'string', ttl: 'number', priority: 'number' } as const;

/**
 * The scalar parameters of capability methods: a client whose document types one of them as the other
 * kind (a DNS `ttl` documented as a string) does not declare the interface, whose method it could not
 * implement (TS2416).
 */
export const HOSTBILL_PARAM_KINDS = {
  HostBillClient: {
    dns: { createRecord: RECORD_FIELD_KINDS, updateRecord: RECORD_FIELD_KINDS, postServiceDnsRecords: RECORD_FIELD_KINDS, putServiceDnsRecordsByRecordId: RECORD_FIELD_KINDS },
  },
  HostBillDns: { dns: { createRecord: RECORD_FIELD_KINDS, updateRecord: RECORD_FIELD_KINDS } },
} as const satisfies {
  readonly [I in keyof HostBillInterfaces]?: {
    readonly [G in keyof HostBillInterfaces[I]]?: {
      readonly [M in keyof HostBillInterfaces[I][G]]?: HostBillInterfaces[I][G][M] extends (params: infer P, ...rest: never[]) => unknown
        ? { readonly [K in keyof P]?: 'string' | 'number' }
        : never;
    };
  };
};

/** The `interface.group.method` names HOSTBILL_INTERFACES lacks: `never` when it lists them all. */
type UnlistedHostBillMethods = {
  [I in keyof HostBillInterfaces]: {
    [G in keyof HostBillInterfaces[I]]: G extends keyof (typeof HOSTBILL_INTERFACES)[I]
      ? Exclude<keyof HostBillInterfaces[I][G], ((typeof HOSTBILL_INTERFACES)[I][G] & readonly string[])[number]> extends infer M extends string
        ? `${I}.${G & string}.${M}`
        : never
      : `${I}.${G & string}`;
  }[keyof HostBillInterfaces[I]];
}[keyof HostBillInterfaces];
/** Fails to compile, naming the method, when an interface gains one HOSTBILL_INTERFACES lacks. */
export const HOSTBILL_INTERFACES_ARE_COMPLETE: [UnlistedHostBillMethods] extends [never] ? true : UnlistedHostBillMethods = true;
