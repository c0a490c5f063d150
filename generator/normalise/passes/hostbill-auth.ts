import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderAuthScheme, ProviderConfig } from '../../config/provider-config.ts';
import { isObject, listOperations, pointer, resolveLocal } from '../../openapi/index.ts';
import { type NormalisePass } from '../pass.ts';

export const SECURITY_SCHEME_NAMES: Record<ProviderAuthScheme, string> = { basic: 'basicAuth', jwt: 'jwtAuth' };

function schemeObject(scheme: ProviderAuthScheme, provider: ProviderConfig): OpenAPIV3.SecuritySchemeObject {
  if (scheme === 'basic') return { type: 'http', scheme: 'basic', description: 'HTTP Basic with the account e-mail and password.' };
  const { login = '/login', refresh = '/token' } = provider.hostbillApi?.jwt ?? {};
  return { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `Bearer token from POST ${login}, refreshed with POST ${refresh}.` };
}

/** The provider scheme a declared one stands for (HTTP Basic, HTTP bearer), by the declared scheme's name. */
function declaredAs(doc: OpenAPIV3.Document): Map<string, ProviderAuthScheme> {
  const out = new Map<string, ProviderAuthScheme>();
  for (const [name, raw] of Object.entries(doc.components?.securitySchemes ?? {})) {
    const scheme = resolveLocal<OpenAPIV3.SecuritySchemeObject>(doc, raw);
    if (scheme?.type !== 'http') continue;
    const kind = scheme.scheme.toLowerCase();
    if (kind === 'basic') out.set(name, 'basic');
    else if (kind === 'bearer') out.set(name, 'jwt');
  }
  return out;
}

/**
 * The provider's auth schemes (provider.json's `auth`, else the ones the document declares: see
 * config/hostbill-settings.ts) replace whatever the document declares, and
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
    const standsFor = declaredAs(doc);
    renameRequirements(doc, standsFor, new Set(schemes), ctx.record);
    doc.components ??= {};
    doc.components.securitySchemes = Object.fromEntries(schemes.map((s) => [SECURITY_SCHEME_NAMES[s], schemeObject(s, ctx.provider)]));
    doc.security = schemes.map((s) => ({ [SECURITY_SCHEME_NAMES[s]]: [] }));
    if (schemes.length === 0) delete doc.security;
    ctx.record(
      `security schemes ${declared.length ? declared.join(', ') : '(none)'} → ${schemes.map((s) => SECURITY_SCHEME_NAMES[s]).join(', ') || '(none)'}, applied to every operation`,
      '/components/securitySchemes',
    );
  },
};

/**
 * An operation's own requirements name the document's schemes (`bearerAuth`), which the provider's
 * replace: each is renamed to the provider scheme it stands for, and one the provider lacks is
 * dropped. A requirement left empty by that goes, so the operation falls back to the provider's
 * schemes; `security: []` (no auth) stays as written.
 */
function renameRequirements(doc: OpenAPIV3.Document, standsFor: ReadonlyMap<string, ProviderAuthScheme>, offered: ReadonlySet<ProviderAuthScheme>, record: (message: string, pointer?: string) => void): void {
  for (const { path, method, operation } of listOperations(doc)) {
    const security = operation.security;
    // Security that is no list of requirement objects is left for validation to name.
    if (!Array.isArray(security) || security.length === 0 || !security.every(isObject)) continue;
    // `{}` (anonymous allowed) is kept; a requirement emptied by dropping schemes is not.
    const renamed = security.flatMap((requirement) => {
      if (Object.keys(requirement).length === 0) return [requirement];
      const kept = Object.entries(requirement).flatMap(([name, scopes]) => {
        const scheme = standsFor.get(name);
        return scheme && offered.has(scheme) ? [[SECURITY_SCHEME_NAMES[scheme], scopes] as const] : [];
      });
      return kept.length > 0 ? [Object.fromEntries(kept)] : [];
    });
    const before = JSON.stringify(security);
    if (renamed.length === 0) delete operation.security;
    else operation.security = renamed;
    const after = JSON.stringify(operation.security ?? '(the provider\'s schemes)');
    if (after !== before) record(`security ${before} → ${after}`, pointer('paths', path, method, 'security'));
  }
}
