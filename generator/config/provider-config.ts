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
}
