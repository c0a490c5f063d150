/**
 * Realistic history: Time4VPS's document really did change. An earlier version had `/token` and
 * `/revoke`, later removed. These tests build such pairs from copies of the committed Swagger file,
 * run both through the real normaliser, and check the classification and the version it leads to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countChanges, type Change } from '../../generator/release/change.ts';
import { diffOpenApi } from '../../generator/release/diff-openapi.ts';
import type { PlainDocument } from '../../generator/release/openapi-index.ts';
import { nextVersion, releaseLevel } from '../../generator/release/version.ts';
import { normaliseTime4vps, time4vpsSwagger, type Json } from './fixtures.ts';

let current: PlainDocument;
beforeAll(async () => {
  current = await normaliseTime4vps(await time4vpsSwagger());
});

async function fromEditedSwagger(edit: (swagger: Json) => void): Promise<PlainDocument> {
  const swagger = await time4vpsSwagger();
  edit(swagger);
  return normaliseTime4vps(swagger);
}

const summary = (changes: readonly Change[]) => changes.map((c) => `${c.severity} ${c.kind} ${c.operation ?? ''} ${c.target ?? ''}`.trim());

const tokenEndpoints = (s: Json) => {
  s.paths['/token'] = {
    post: {
      tags: ['Authentication'],
      summary: 'Get token',
      operationId: 'getToken',
      parameters: [
        { name: 'username', type: 'string', in: 'query', required: true },
        { name: 'password', type: 'string', in: 'query', required: true },
      ],
      responses: { 200: { description: '```json\n{\n "token": "abc",\n "refresh": "def"\n}' } },
    },
  };
  s.paths['/revoke'] = {
    post: { tags: ['Authentication'], summary: 'Revoke token', operationId: 'revokeToken', parameters: [{ name: 'refresh_token', type: 'string', in: 'query', required: true }], responses: { 200: { description: '`Success`' } } },
  };
};

describe('Time4VPS history through the real normaliser', () => {
  it('the earlier document with /token and /revoke → today: two operations removed, breaking; 0.x gets a minor bump, 1.x a major one', async () => {
    const earlier = await fromEditedSwagger(tokenEndpoints);
    const changes = diffOpenApi(earlier, current);
    expect(summary(changes)).toEqual(['breaking operation-removed POST /revoke', 'breaking operation-removed POST /token']);
    expect(releaseLevel(changes, false)).toBe('major');
    expect(nextVersion('0.1.0', 'major')).toBe('0.2.0');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    // And the other way round, the day they were added.
    const added = diffOpenApi(current, earlier);
    expect(summary(added)).toEqual(['feature operation-added POST /revoke', 'feature operation-added POST /token']);
    expect(releaseLevel(added, false)).toBe('minor');
  });

  it('a query field (a JSON body property after normalisation) removed and another made required: breaking', async () => {
    const next = await fromEditedSwagger((s) => {
      const label = s.paths['/service/@id/label'].post;
      label.parameters.find((p: Json) => p.name === 'label').required = true;
      const cancel = s.paths['/service/@id/cancel'].post;
      cancel.parameters = cancel.parameters.filter((p: Json) => p.name !== 'reason');
    });
    const changes = diffOpenApi(current, next);
    expect(summary(changes)).toEqual(['breaking parameter-removed POST /service/{id}/cancel reason', 'breaking parameter-required POST /service/{id}/label label']);
  });

  it('an enum value removed from a query field: breaking; added: not', async () => {
    const fewer = await fromEditedSwagger((s) => {
      const details = s.paths['/details'].put;
      details.parameters.find((p: Json) => p.name === 'type').enum = ['Private'];
    });
    expect(summary(diffOpenApi(current, fewer))).toEqual(['breaking enum-value-removed PUT /details type']);
    const more = await fromEditedSwagger((s) => {
      const details = s.paths['/details'].put;
      details.parameters.find((p: Json) => p.name === 'type').enum = ['Private', 'Company', 'Nonprofit'];
    });
    const changes = diffOpenApi(current, more);
    expect(summary(changes)).toEqual(['feature enum-value-added PUT /details type']);
    expect([releaseLevel(changes, false), nextVersion('0.3.1', 'minor'), nextVersion('1.3.1', 'minor')]).toEqual(['minor', '0.3.2', '1.4.0']);
  });

  it('a parameter retyped (integer → string) in the source: breaking', async () => {
    const next = await fromEditedSwagger((s) => {
      const order = s.paths['/order'].post;
      order.parameters.find((p: Json) => p.name === 'pay_method').type = 'string';
    });
    expect(summary(diffOpenApi(current, next))).toEqual(['breaking type-changed POST /order pay_method']);
  });

  it('a documented response example that loses a field and retypes another: breaking response-field changes', async () => {
    const next = await fromEditedSwagger((s) => {
      const label = s.paths['/service/@id/label'].get;
      label.responses['200'].description = '```json\n\r{\n "label": 42,\n "color": "red"\n}';
      const details = s.paths['/details'].get;
      details.responses['200'].description = details.responses['200'].description.replace(/\s*"email": "[^"]*",/, '');
    });
    const changes = diffOpenApi(current, next);
    expect(summary(changes.filter((c) => c.severity !== 'docs'))).toEqual([
      'breaking response-field-removed GET /details client.email',
      'breaking response-field-type-changed GET /service/{id}/label label',
      'feature response-field-added GET /service/{id}/label color',
    ]);
  });

  it('only descriptions changed: documentation, a patch release', async () => {
    const next = await fromEditedSwagger((s) => {
      s.paths['/dns'].get.summary = 'List DNS zones';
      s.info.version = '4.20990101';
    });
    const changes = diffOpenApi(current, next);
    expect(countChanges(changes)).toEqual({ breaking: 0, feature: 0, docs: 2 });
    expect(releaseLevel(changes, false)).toBe('patch');
    expect([nextVersion('0.2.0', 'patch'), nextVersion('1.0.0', 'patch')]).toEqual(['0.2.1', '1.0.1']);
  });
});
