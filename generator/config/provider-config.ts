/** A provider's settings, from `specs/<id>/provider.json`. */
export type ProviderAuthScheme = 'basic' | 'jwt';

export interface ProviderConfig {
  /** Folder name under `specs/` and `generated/`; lowercase, dashes allowed. */
  readonly id: string;
  readonly displayName: string;
  readonly packageName: string;
  readonly baseUrl: string;
  /** Where the provider publishes its document (Swagger JSON or the `/userapi` page). */
  readonly specUrl?: string;
  /** The auth schemes the provider offers; the first is the client's default. */
  readonly auth: readonly ProviderAuthScheme[];
  /** HostBill User API conventions apply (`@name` paths, query fields as JSON bodies, `error` bodies). */
  readonly hostbill: boolean;
  /** The package's `repository.url`, when given (`generate --spec --repository`); else none, or this repository for `specs/`. */
  readonly repository?: string;
  /**
   * HostBill providers: the settings their document implies, as provider.json overrides them
   * (`config/hostbill-settings.ts`). Set by `settleProvider` once the document is loaded; absent elsewhere (the defaults apply).
   */
  readonly hostbillApi?: HostBillApiSettings;
}

/** Where a HostBill provider's JWT endpoints are (relative to the base URL) and what their bodies call the tokens. */
export interface JwtSettings {
  readonly login: string;
  readonly refresh: string;
  readonly revoke?: string;
  readonly logout?: string;
  /** The access token's member in the login and refresh answers (`token`, `access_token`). */
  readonly tokenField: string;
  /** The refresh token's member in those answers (`refresh`, `refresh_token`). */
  readonly refreshField: string;
}

export interface HostBillApiSettings {
  /** The leading path every route had (`/api`), now part of the base URL; '' for none. */
  readonly apiPrefix: string;
  readonly jwt: JwtSettings;
}
