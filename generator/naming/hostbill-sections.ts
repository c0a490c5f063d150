import { routeSegments } from './routes.ts';

/**
 * HostBill's User API documents its endpoints in the same sections whoever publishes them
 * (Clientarea, Billing, Support, …); they name the client groups. A provider that writes its own
 * document tags them its own way ("Authentication", "Service", "Invoices"), and the same endpoint
 * would land in another group than in every other HostBill client. The rule:
 *
 * - a HostBill document that tags any operation with one of these sections keeps its tags as they
 *   are (its own sections, like Time4VPS's "Server Management", are its to name);
 * - a document none of whose tags is one of them takes, for each route this table knows, the section
 *   the other HostBill documents file it under; other routes keep their tag.
 *
 * A route is looked up by its literal segments (placeholders dropped): the longest entry that
 * starts them wins (`/service/{id}/dns` is DNS, `/service/{id}` is Services). The table is what the
 * five HostBill documents in `specs/` agree on.
 */
export const HOSTBILL_SECTIONS = ['Clientarea', 'Billing', 'Support', 'Domains', 'Services', 'Cart', 'DNS', 'SSL Certificates'] as const;

const SECTION_OF_ROUTE: ReadonlyMap<string, (typeof HOSTBILL_SECTIONS)[number]> = new Map([
  ...['login', 'logout', 'token', 'revoke', 'signup', 'passwordreset', 'details', 'contact', 'logs', 'affiliates', 'notifications'].map((s) => [s, 'Clientarea'] as const),
  ...['balance', 'invoice', 'payment'].map((s) => [s, 'Billing'] as const),
  ...['tickets', 'ticket'].map((s) => [s, 'Support'] as const),
  ['domain', 'Domains'],
  ['service', 'Services'],
  ['service/dns', 'DNS'],
  ['service/addon', 'Cart'],
  ...['order', 'quote', 'category'].map((s) => [s, 'Cart'] as const),
  ['dns', 'DNS'],
  ['certificate', 'SSL Certificates'],
]);

/** The section the other HostBill documents file `path` under, when the table knows it. */
export function hostbillSectionOf(path: string): string | undefined {
  const literals = routeSegments(path)
    .filter((s) => s.literal)
    .map((s) => s.text.toLowerCase());
  for (let length = literals.length; length > 0; length--) {
    const section = SECTION_OF_ROUTE.get(literals.slice(0, length).join('/'));
    if (section) return section;
  }
  return undefined;
}

/** The tag that names each operation's group under the rule above, in the operations' order. */
export function hostbillGroupTags(operations: readonly { readonly path: string; readonly tag?: string | undefined }[]): (string | undefined)[] {
  const sections = new Set<string>(HOSTBILL_SECTIONS);
  if (operations.some((op) => op.tag !== undefined && sections.has(op.tag))) return operations.map((op) => op.tag);
  return operations.map((op) => hostbillSectionOf(op.path) ?? op.tag);
}
