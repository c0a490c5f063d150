/**
 * Type tests for the generated Time4VPS client: compiled by tsc (see types.test.ts), never run.
 * A wrong type here is a compile error; an `@ts-expect-error` that stops erroring is one too.
 */
import { expectTypeOf } from 'vitest';
import { Time4vpsClient } from '../../generated/time4vps/src/index.ts';

declare const client: Time4vpsClient;

export async function responses(): Promise<void> {
  const details = await client.clientarea.getDetails();
  expectTypeOf(details.client.email).toEqualTypeOf<string>();
  // Ids appear as strings in one example and numbers in another: both are accepted.
  expectTypeOf(details.client.id).toEqualTypeOf<string | number>();
  // Objects allow properties the example did not show.
  expectTypeOf(details.client['not_in_the_example']).toEqualTypeOf<unknown>();

  const zone = await client.dns.getServiceDnsByZoneId({ service_id: 1, zone_id: 2 });
  expectTypeOf(zone.name).toEqualTypeOf<string>();

  const certificate = await client.sslCertificates.getCertificateCrt({ id: 1 });
  expectTypeOf(certificate).toEqualTypeOf<Blob>();

  const { data, response } = await client.billing.getBalance().withResponse();
  expectTypeOf(response).toEqualTypeOf<Response>();
  expectTypeOf(data).not.toBeUnknown();
}

export async function requests(): Promise<void> {
  await client.clientarea.putDetails({ type: 'Company', emarketing: ['Subscribed'] });
  // @ts-expect-error 'Corporation' is not one of the documented account types.
  await client.clientarea.putDetails({ type: 'Corporation' });
  // @ts-expect-error path parameters are required.
  await client.dns.getServiceDnsByZoneId({ service_id: 1 });
  // Names that are not identifiers are quoted keys that still work.
  await client.clientarea.postSignup({ email: 'a@example.com', '2faenable': ['Enable'] } as Parameters<typeof client.clientarea.postSignup>[0]);
  // Free-form PHP arrays accept lists and keyed objects.
  await client.cart.postOrder({ pay_method: 1, items: [{ type: 'product', product_id: 1, cycle: 'm' }] });
  await client.services.postServiceUpgrade({ id: 1, resources: { 12: 1, 13: { 7: 2 } } });
  // @ts-expect-error unknown parameters are rejected.
  await client.dns.getDns({ no_such_param: 1 });
}
