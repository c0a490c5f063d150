import { describe, expect, it } from 'vitest';
import { nameOperations, parseNamesFile, renderNamesFile, type OperationInput, type PreviousName } from '../../generator/naming/index.ts';

const op = (method: string, path: string, extra: Partial<OperationInput> = {}): OperationInput => ({ pointer: `${method} ${path}`, method, path, tag: 'T', ...extra });
const named = (ops: OperationInput[], hostbill: boolean, previous?: PreviousName[]) => {
  const plan = nameOperations(ops, { hostbill, previous });
  return { plan, names: ops.map((o) => { const n = plan.names.get(o.pointer); return n && `${n.group}.${n.method} ${n.key}`; }) };
};

describe('pins: x-clientgen-name and x-clientgen-group win over every rule', () => {
  it.each([
    ['a method pin in a HostBill document', [op('get', '/dns', { pin: { method: 'zones' } })], true, ['dns.zones zones']],
    ['a group pin in a HostBill document', [op('get', '/dns', { pin: { group: 'zones' } })], true, ['zones.listZones listZones']],
    ['both, in a generic document', [op('get', '/pets', { operationId: 'listPets', pin: { group: 'animals', method: 'all' } })], false, ['animals.all all']],
    ['a pin that takes another operation\'s rule-made name: the other one moves', [op('get', '/dns'), op('get', '/dns/{id}', { pin: { method: 'listZones' } })], true, ['dns.getDns getDns', 'dns.listZones listZones']],
    ['the same method pinned in two groups: keys are qualified', [op('get', '/a', { pin: { group: 'x', method: 'list' } }), op('get', '/b', { pin: { group: 'y', method: 'list' } })], false, ['x.list xList', 'y.list yList']],
  ])('%s', (_, ops, hostbill, want) => expect(named(ops, hostbill).names).toEqual(want));

  it.each([
    [{ method: 'get zone' }, '/x-clientgen-name', 'is not an identifier'],
    [{ method: 'delete' }, '/x-clientgen-name', 'is not an identifier'],
    [{ method: 'constructor' }, '/x-clientgen-name', 'is not an identifier'],
    [{ method: 42 }, '/x-clientgen-name', 'is not an identifier'],
    [{ group: 'request' }, '/x-clientgen-group', 'is a member of the client class'],
    [{ group: 'a;b' }, '/x-clientgen-group', 'is not an identifier'],
  ])('refuses the pin %j', (pin, at, message) => {
    const { plan } = named([op('get', '/dns', { pin })], true);
    expect(plan.problems).toEqual([{ pointer: `get /dns${at}`, message: expect.stringContaining(message) }]);
  });

  it('refuses two pins to one name in one group, naming both operations', () => {
    const { plan } = named([op('get', '/a', { pin: { method: 'same' } }), op('get', '/b', { pin: { method: 'same' } })], false);
    expect(plan.problems).toEqual([{ pointer: 'get /b', message: 'the pinned name t.same is also #get /a\'s: pins must differ within a group' }]);
  });
});

describe('previous names: adding an operation never renames an existing one', () => {
  const v1 = [op('get', '/service/{service_id}/dns')];
  const v2 = [op('get', '/dns'), ...v1];
  const previousOf = (ops: OperationInput[], hostbill: boolean): PreviousName[] => {
    const plan = nameOperations(ops, { hostbill });
    return ops.map((o) => { const n = plan.names.get(o.pointer)!; return { route: `${o.method.toUpperCase()} ${o.path}`, group: n.group, method: n.method, key: n.key }; });
  };

  it('HostBill: the existing route keeps listZones, the newcomer takes its next name; from scratch the rules differ', () => {
    expect(named(v1, true).names).toEqual(['dns.listZones listZones']);
    const grown = named(v2, true, previousOf(v1, true));
    expect(grown.names).toEqual(['dns.getDns getDns', 'dns.listZones listZones']);
    expect(grown.plan.renamed).toEqual([{ pointer: 'get /dns', message: 'dns.listZones is an existing or pinned operation\'s name; this one is named dns.getDns' }]);
    expect(grown.plan.kept).toEqual([{ pointer: 'get /service/{service_id}/dns', message: 'kept the name dns.listZones from the previous package (from scratch it would be dns.listServiceZones)' }]);
    expect(named(v2, true).names).toEqual(['dns.listZones listZones', 'dns.listServiceZones listServiceZones']);
  });

  it('generic: the existing operation keeps its operationId\'s name, the newcomer written before it gets the long route name', () => {
    const a = [op('get', '/pets', { operationId: 'list' })];
    const b = [op('get', '/owners/{id}/pets', { operationId: 'list' }), ...a];
    expect(named(b, false, previousOf(a, false)).names).toEqual(['t.getOwnersByIdPets getOwnersByIdPets', 't.list list']);
    expect(named(b, false).names).toEqual(['t.list list', 't.getPets getPets']);
  });

  it('keeps the existing key when a newcomer in another group shares its method name', () => {
    const a = [op('get', '/a', { tag: 'A', operationId: 'list' })];
    const b = [...a, op('get', '/b', { tag: 'B', pin: { method: 'list' } })];
    expect(named(b, false, previousOf(a, false)).names).toEqual(['a.list list', 'b.list bList']);
  });

  it('a pin renames an existing operation, and its previous name becomes a former name (a deprecated alias)', () => {
    const previous = previousOf(v1, true);
    const plan = nameOperations([op('get', '/service/{service_id}/dns', { pin: { method: 'zones' } })], { hostbill: true, previous });
    expect(plan.names.get('get /service/{service_id}/dns')).toMatchObject({ group: 'dns', method: 'zones', former: [{ group: 'dns', method: 'listZones' }] });
  });

  it('a pin outranks a previous name: the operation that had it is named by the rules, around the pin', () => {
    const a = [op('get', '/a', { operationId: 'list' })];
    const grown = named([...a, op('get', '/b', { pin: { method: 'list' } })], false, previousOf(a, false));
    expect(grown.names).toEqual(['t.getA getA', 't.list list']);
    expect(grown.plan.renamed.map((r) => r.message)).toEqual([
      "t.list, this operation's name in the previous package, is pinned to #get /b; this one is named by the rules",
      "t.list is an existing or pinned operation's name; this one is named t.getA",
    ]);
  });

  it('gives the same names twice over (with its own names as the previous ones)', () => {
    const ops = [op('get', '/dns'), op('get', '/service/{service_id}/dns'), op('post', '/server/{id}/reboot')];
    expect(named(ops, true, previousOf(ops, true)).names).toEqual(named(ops, true).names);
  });
});

describe('names.json', () => {
  it('round-trips, sorted by route', () => {
    const names: PreviousName[] = [
      { route: 'GET /z', group: 'g', method: 'getZ', key: 'getZ' },
      { route: 'GET /a', group: 'g', method: 'getA', key: 'getA', deprecated: ['old.getA'] },
    ];
    const parsed = parseNamesFile(renderNamesFile(names));
    expect(parsed).toEqual({ names: [names[1], names[0]] });
  });

  it.each([
    ['{', ''],
    ['{"operations": {}}', '/operations'],
    ['{"operations": [{"route": "GET /a", "group": "g", "method": "x(); evil()", "key": "k"}]}', '/operations/0'],
    ['{"operations": [{"route": "GET /a", "group": "g", "method": "m", "key": "k", "deprecated": ["no-dot"]}]}', '/operations/0'],
  ])('refuses %s, at %j', (text, pointer) => expect(parseNamesFile(text)).toMatchObject({ pointer }));
});
