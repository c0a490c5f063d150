/** Members of the generated client class (the runtime's `ApiClient`) that a group name must not shadow. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set(['request', 'logout', 'paginate', 'sleep', 'options', 'defaults', 'constructor', 'operations']);

/** Names the generated client.ts imports from the runtime; the client class must not take one. */
export const RUNTIME_CLASS_NAMES: ReadonlySet<string> = new Set(['ApiClient', 'HostBillClient']);
