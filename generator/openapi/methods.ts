/** The keys of a Path Item Object that are operations, in the order the OpenAPI specification lists them. */
export const PATH_ITEM_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type PathItemMethod = (typeof PATH_ITEM_METHODS)[number];

export function isPathItemMethod(key: string): key is PathItemMethod {
  return (PATH_ITEM_METHODS as readonly string[]).includes(key);
}
