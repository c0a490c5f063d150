/**
 * The runtime's public surface: what a generated package re-exports (`contracts.ts` lists it as
 * PUBLIC_RUNTIME_EXPORTS). Generated code also imports `jwtSession` from `./jwt.js` and `hostbillRules`
 * from `./hostbill.js`, so a client that needs neither leaves them out of a bundle.
 */
export { ApiClient, type ApiPromise } from './client.js';
export { toList, type Collection } from './collections.js';
export type { PagedMethod } from './paged-method.js';
export {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RedirectLoopError,
  ResponseTooLargeError,
  ThrottleError,
  UnprocessableEntityError,
  type ApiErrorInit,
} from './errors.js';
export type {
  AuthScheme,
  ClientOptions,
  Credentials,
  HttpMethod,
  Lenient,
  LogLevel,
  Logger,
  OperationSpec,
  RequestEvent,
  RequestOptions,
  ResponseEvent,
} from './types.js';
