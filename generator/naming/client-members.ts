import { CLIENT_MEMBERS as RUNTIME_MEMBERS, RUNTIME_IMPORT_NAMES } from '../../templates/runtime/contracts.ts';

/** Members of the generated client class (the runtime's `ApiClient`) that a group name must not shadow. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set(RUNTIME_MEMBERS);

/** Names the generated client.ts imports from the runtime; the client class must not take one. */
export const RUNTIME_CLASS_NAMES: ReadonlySet<string> = new Set(RUNTIME_IMPORT_NAMES);
