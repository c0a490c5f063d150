import { describe, expect, it } from 'vitest';
import { clientClassName, envPrefix, providerId, routeMethodName, safeCamelIdentifier, safePascalIdentifier } from '../../generator/naming/index.ts';

describe('identifiers', () => {
  it.each([
    ['hello world', 'helloWorld'],
    ['__proto__', 'proto'],
    ['toString', 'toString_'],
    ['ünïcode name', 'unicodeName'],
    ['', 'item'],
    ['class', 'class_'],
  ])('safeCamelIdentifier(%j) = %s', (text, want) => expect(safeCamelIdentifier(text)).toBe(want));

  it.each([
    ['dns zone', 'DnsZone'],
    ['1st', '_1st'],
    ['', 'Item'],
  ])('safePascalIdentifier(%j) = %s', (text, want) => expect(safePascalIdentifier(text)).toBe(want));

  it.each([
    ['get', '/service/@id/dns/@zone_id', false, 'getServiceDnsByZoneId'],
    ['get', '/location/state/{id}/city', true, 'getLocationStateByIdCity'],
    ['delete', '/service/{service_id}/dns/{zone_id}/records/{record_id}', false, 'deleteServiceDnsRecordsByRecordId'],
  ])('routeMethodName(%s, %s, %s) = %s', (method, path, long, want) => expect(routeMethodName(method, path, long)).toBe(want));

  it('names packages and environment variables', () => {
    expect(clientClassName('Time4VPS')).toBe('Time4vpsClient');
    expect(clientClassName('API')).toBe('ApiApiClient');
    expect(envPrefix('dns-services')).toBe('DNS_SERVICES');
    expect(providerId('Petstore API v2')).toBe('petstore-api-v2');
    expect(providerId('***')).toBe('api');
  });
});
