import { RUNTIME_CLASS_NAMES } from './client-members.ts';
import { safePascalIdentifier, words } from './identifiers.ts';

/** `Time4VPS` → `Time4vpsClient`; a title that would give a runtime class's name (`API` → `ApiClient`) gets `Api` inserted. */
export function clientClassName(displayName: string): string {
  const base = safePascalIdentifier(displayName, 'Api');
  return RUNTIME_CLASS_NAMES.has(`${base}Client`) ? `${base}ApiClient` : `${base}Client`;
}

/** `dns-services` → `DNS_SERVICES`: the prefix of the environment variables a client reads. */
export function envPrefix(providerId: string): string {
  return providerId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** `Petstore API v2.yaml` → `petstore-api-v2`: a provider id (and unscoped npm package name) from free text. */
export function providerId(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'api';
}

/** Whether the text has the word `word` (case-insensitive), camelCase and snake_case split. */
export function hasWord(text: string | undefined, word: string): boolean {
  return words(text ?? '').some((w) => w.toLowerCase() === word);
}
