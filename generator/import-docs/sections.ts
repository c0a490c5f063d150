/**
 * Section headings of HostBill User API pages. The text renderings keep no heading markup, and a
 * heading looks exactly like an operation title ("Willexpired" then "Get state", against
 * "Resources" then "Show available and used resources"), so a line is a section heading only when
 * it is one of these names (or one passed in `options.sections`). The list is the union of the
 * sections seen on the seed pages and the tags of Time4VPS's published document.
 */
export const KNOWN_SECTIONS: readonly string[] = [
  'Clientarea',
  'Billing',
  'Support',
  'Domains',
  'SSL Certificates',
  'Services',
  'Cart',
  'DNS',
  'Location',
  'Willexpired',
  'Bkns_coupons',
  'Server Management',
  'Init Script Management',
  'VPN Management',
];

export type HeadingTest = (text: string) => boolean;

export function headingTest(extra: readonly string[] = []): HeadingTest {
  const names = new Set([...KNOWN_SECTIONS, ...extra].map((s) => s.trim()));
  return (text) => !text.includes('\n') && names.has(text.trim());
}
