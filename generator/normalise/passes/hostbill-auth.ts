import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderAuthScheme } from '../../config/provider-config.ts';
import { type NormalisePass } from '../pass.ts';

export const SECURITY_SCHEME_NAMES: Record<ProviderAuthScheme, string> = { basic: 'basicAuth', jwt: 'jwtAuth' };
const SCHEMES: Record<ProviderAuthScheme, OpenAPIV3.SecuritySchemeObject> = {
  basic: { type: 'http', scheme: 'basic', description: 'HTTP Basic with the account e-mail and password.' },
  jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Bearer token from POST /login, refreshed with POST /token.' },
};

/**
 * The provider's auth schemes (from provider.json) replace whatever the document declares, and
 * apply to every operation that does not explicitly opt out with `security: []` (login, token
 * and the pages' public endpoints). HostBill exports declare schemes but apply none.
 */
export const hostbillAuthPass: NormalisePass = {
  name: 'auth-schemes',
  rule: "The provider's auth schemes apply to every operation, except those documented without auth (security: []).",
  hostbillOnly: true,
  run(doc, ctx) {
    const schemes = ctx.provider.auth;
    const declared = Object.keys(doc.components?.securitySchemes ?? {});
    doc.components ??= {};
    doc.components.securitySchemes = Object.fromEntries(schemes.map((s) => [SECURITY_SCHEME_NAMES[s], SCHEMES[s]]));
    doc.security = schemes.map((s) => ({ [SECURITY_SCHEME_NAMES[s]]: [] }));
    if (schemes.length === 0) delete doc.security;
    ctx.record(
      `security schemes ${declared.length ? declared.join(', ') : '(none)'} → ${schemes.map((s) => SECURITY_SCHEME_NAMES[s]).join(', ') || '(none)'}, applied to every operation`,
      '/components/securitySchemes',
    );
  },
};
