import { describe, expect, it } from 'vitest';
import {
  blockLike,
  joinWrapped,
  lineUnits,
  mentionsName,
  paragraphs,
  titleLike,
  undoubled,
  withinOneEdit,
} from '../../generator/import-docs/text.ts';

describe('paragraphs and lineUnits', () => {
  const lines = ['', 'Login', '', 'Generate new', 'authorization token  ', '', '', 'curl'];

  it('groups runs of non-blank lines with their 1-based first line', () => {
    const units = paragraphs(lines, 0, lines.length);
    expect(units.map((u) => [u.line, u.lines.map((l) => l.text)])).toEqual([
      [2, ['Login']],
      [4, ['Generate new', 'authorization token']],
      [8, ['curl']],
    ]);
  });

  it('respects the region bounds', () => {
    expect(paragraphs(lines, 3, 5).map((u) => u.line)).toEqual([4]);
  });

  it('makes every non-blank line its own unit', () => {
    expect(lineUnits(lines, 0, 5).map((u) => u.line)).toEqual([2, 4, 5]);
  });
});

describe('joinWrapped', () => {
  it('continues a sentence that wrapped at lost inline code', () => {
    expect(joinWrapped(['Change domain nameservers, if $nameservers', 'is left empty, default namesevers will be used'])).toBe(
      'Change domain nameservers, if $nameservers is left empty, default namesevers will be used',
    );
  });

  it('glues a line that starts with punctuation', () => {
    expect(joinWrapped(['will require service @id', ', you can lookup your service ids with /service', 'method'])).toBe(
      'will require service @id, you can lookup your service ids with /service method',
    );
  });

  it('keeps sentences of one paragraph together, but a capitalised line after an unfinished one starts a new line', () => {
    expect(joinWrapped(['List possible contact privileges.', 'Each domain and service may list more.'])).toBe(
      'List possible contact privileges. Each domain and service may list more.',
    );
    expect(joinWrapped(['Create and submit new order for multiple services', 'Each item needs a type'])).toBe(
      'Create and submit new order for multiple services\nEach item needs a type',
    );
  });

  it('puts bullets on their own line and lets them continue', () => {
    expect(joinWrapped(['listed below:', '• POST /order/$product_id', '- use product', 'for item type', '• POST /domain/order'])).toBe(
      'listed below:\n• POST /order/$product_id - use product for item type\n• POST /domain/order',
    );
  });

  it('keeps pseudo-JSON lines apart', () => {
    expect(joinWrapped(['Estimate or request upgrade', '// Format', '{', '"a" : "b"', '}'])).toBe(
      'Estimate or request upgrade\n// Format\n{\n"a" : "b"\n}',
    );
  });

  it('skips blank lines and trims', () => {
    expect(joinWrapped(['  a  ', '', 'b'])).toBe('a b');
    expect(joinWrapped([])).toBe('');
  });
});

describe('titleLike', () => {
  it.each([
    ['Order new service', true],
    ['Get Coupon VNNIC Free for domain .id.vn', true],
    ['Mã Giam giá theo Người dùng', true],
    ['Most of API methods found here will require service @id', false],
    [', you can lookup your service ids', false],
    ['method', false],
    ['List possible contact privileges.', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(titleLike(text)).toBe(expected);
  });
});

describe('mentionsName', () => {
  it.each([
    ['id', 'Domain id', true],
    ['aff_id', 'Affiliate ID', true],
    ['nameservers', 'List of nameservers to use', true],
    ['record_id', 'Recod index', true],
    ['refresh_token', 'User Details', false],
    ['id', 'Apply credit', false],
    ['key', 'Domain availability', false],
    ['id', 'Identifier', false],
  ])('%s in %j → %s', (name, text, expected) => {
    expect(mentionsName(name, text)).toBe(expected);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['record', 'recod', true],
    ['record', 'records', true],
    ['record', 'recurd', true],
    ['record', 'reco', false],
    ['record', 'dercor', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('undoubled and blockLike', () => {
  it('collapses a heading rendered twice and leaves anything else', () => {
    expect(undoubled('DNS Records DNS Records')).toBe('DNS Records');
    expect(undoubled('Get state')).toBe('Get state');
    expect(undoubled('DNS DNS Records')).toBe('DNS DNS Records');
  });

  it('recognises code and bullet paragraphs', () => {
    expect(blockLike("// Format of ''resources'' paremeter\n{")).toBe(true);
    expect(blockLike('• short - details')).toBe(true);
    expect(blockLike('Estimate or request upgrade')).toBe(false);
  });
});
