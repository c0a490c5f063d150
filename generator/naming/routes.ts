import { pascalCase, safeCamelIdentifier } from './identifiers.ts';

/**
 * HostBill documents carry no usable operationIds (Time4VPS's are inconsistent, the API pages have
 * none), so method names are derived from the route. The same method and path give the same name
 * for every provider, which is what lets code move between providers unchanged.
 */

const PLACEHOLDER = /^(?:@(.+)|\{(.+)\})$/;

export interface RouteSegment {
  readonly literal: boolean;
  readonly text: string;
}

export function routeSegments(path: string): RouteSegment[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = PLACEHOLDER.exec(s);
      return m ? { literal: false, text: (m[1] ?? m[2]) as string } : { literal: true, text: s };
    });
}

/**
 * `GET /service/@id/dns/@zone_id` → `getServiceDnsByZoneId`; `PUT /details` → `putDetails`.
 * With `allParams`, every placeholder is named where it stands (`getLocationStateByIdCity`), which
 * callers use only to separate two routes that the short form would merge.
 */
export function routeMethodName(method: string, path: string, allParams = false): string {
  const segments = routeSegments(path);
  const parts: string[] = [method.toLowerCase()];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment.literal) parts.push(pascalCase(segment.text));
    else if (last || allParams) parts.push('By', pascalCase(segment.text));
  });
  if (segments.length === 0) parts.push('Root');
  return safeCamelIdentifier(parts.join(' '), 'operation');
}
