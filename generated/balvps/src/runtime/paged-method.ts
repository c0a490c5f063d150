/**
 * The method of a paged operation: callable like any other method, with `.paginate(params)` beside
 * it, so paging is asked of the method itself (`client.support.listTickets.paginate({ status })`)
 * and its pages have the method's response type.
 */
import type { ApiClient, ApiPromise } from './client.js';
import type { OperationSpec, RequestOptions } from './types.js';

/** `params` may be left out when the operation requires none. */
type CallArgs<Params> = {} extends Params ? [params?: Params, options?: RequestOptions] : [params: Params, options?: RequestOptions];

export interface PagedMethod<Params, Response> {
  (...args: CallArgs<Params>): ApiPromise<Response>;
  /**
   * Every page, one response at a time: walks `?page=N` while the answer carries
   * `page: { current, total }` (stops at the last page, on a repeated or missing one, after 1000).
   */
  paginate(...args: CallArgs<Params>): AsyncIterableIterator<Response>;
}

/** The generated group classes' paged methods: `op` sent through `client`. */
export function pagedMethod<Params extends object, Response>(client: ApiClient, op: OperationSpec): PagedMethod<Params, Response> {
  const call = (params?: Params, options?: RequestOptions) => client.request<Response>(op, params, options);
  return Object.assign(call, { paginate: (params?: Params, options?: RequestOptions) => client.paginate<Response>(op, params, options) });
}
