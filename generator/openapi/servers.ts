import { isObject } from './document.ts';

/**
 * A Server Object's URL with each `{variable}` replaced by its `default` (OpenAPI requires one for
 * every variable): `http://acm.{region}.amazonaws.com` is no address to send to. A placeholder the
 * server does not define stays as written. `undefined` when the server has no URL.
 */
export function serverUrl(server: unknown): string | undefined {
  if (!isObject(server) || typeof server.url !== 'string') return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (placeholder, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    return isObject(variable) && (typeof variable.default === 'string' || typeof variable.default === 'number') ? String(variable.default) : placeholder;
  });
}
