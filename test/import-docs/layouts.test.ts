import { describe, expect, it } from 'vitest';
import { ImportDocsError } from '../../generator/import-docs/errors.ts';
import { headerLayout, lastRowTakesParagraph, parseTail, type Layout } from '../../generator/import-docs/layouts.ts';
import { headingTest } from '../../generator/import-docs/sections.ts';
import { paragraphs, unitText } from '../../generator/import-docs/text.ts';

const isHeading = headingTest();

/** Parses what follows a request line; `text` starts right after it. */
function tail(text: string, layout: Layout) {
  const lines = text.split('\n');
  return parseTail('page.txt', lines, 0, lines.length, layout, isHeading);
}

function rows(text: string, layout: Layout) {
  return tail(text, layout).table?.rows ?? [];
}

describe('headerLayout', () => {
  it('tells the three table headers apart', () => {
    expect(headerLayout('Parameter Type Description')).toBe('blank');
    expect(headerLayout('| Parameter | Type | Description |')).toBe('pipe-leading');
    expect(headerLayout('Parameter | Type | Description |')).toBe('pipe-trailing');
    expect(headerLayout('Name\tType')).toBeUndefined();
  });
});

describe('blank layout', () => {
  const page = [
    '',
    'Query Parameters',
    '',
    'Parameter Type Description',
    'firstname string',
    '',
    'First Name',
    '',
    'Value pattern: ^[A-Za-z]+$',
    '',
    'id int',
    'amount number',
    '',
    'Optional credit amount',
    '',
    'type string',
    '',
    'Account Type',
    '',
    'Available values: Private, Company.',
    '',
    'Billing',
    '',
    'Account balance',
    '',
    'Get current account balance',
    '',
  ].join('\n');

  it('reads rows, descriptions, patterns and enums', () => {
    expect(rows(page, 'blank')).toEqual([
      { line: 5, name: 'firstname', type: 'string', description: 'First Name', pattern: '^[A-Za-z]+$' },
      { line: 11, name: 'id', type: 'int', description: '' },
      { line: 12, name: 'amount', type: 'number', description: 'Optional credit amount' },
      { line: 16, name: 'type', type: 'string', description: 'Account Type', enumValues: ['Private', 'Company'] },
    ]);
  });

  it('leaves the next section heading, title and description as the rest', () => {
    expect(tail(page, 'blank').rest.map(unitText)).toEqual(['Billing', 'Account balance', 'Get current account balance']);
  });

  it('keeps bullets glued to the next row in the previous row’s description', () => {
    const text = ['Query Parameters', '', 'Parameter Type Description', 'output string', '', 'Possible options', '', '  • short - Basic', 'items array', '', 'list with order items'].join('\n');
    expect(rows(text, 'blank').map((r) => [r.name, r.description])).toEqual([
      ['output', 'Possible options\n• short - Basic'],
      ['items', 'list with order items'],
    ]);
  });

  it('does not take a capitalised description ("Ticket number") for a row', () => {
    const text = ['Query Parameters', '', 'Parameter Type Description', 'number int', '', 'Ticket number', '', 'file string', '', 'Attachment id'].join('\n');
    expect(rows(text, 'blank').map((r) => r.name)).toEqual(['number', 'file']);
  });

  it('returns no table and all prose when there is no "Query Parameters"', () => {
    const t = tail('\nLogout\n\nInvalidate authorization token\n', 'blank');
    expect(t.table).toBeUndefined();
    expect(t.rest.map(unitText)).toEqual(['Logout', 'Invalidate authorization token']);
  });
});

describe('lastRowTakesParagraph (blank layout, last row)', () => {
  const units = (...texts: string[]) => paragraphs(texts.flatMap((t) => [t, '']), 0, texts.length * 2);

  it('takes a paragraph that names the parameter', () => {
    expect(lastRowTakesParagraph('name', units('Domain name', 'Get domain nameservers'), isHeading)).toBe(true);
    expect(lastRowTakesParagraph('id', units('Domain id'), isHeading)).toBe(true);
  });

  it('leaves a title and description alone', () => {
    expect(lastRowTakesParagraph('refresh_token', units('User Details', 'Return registration details'), isHeading)).toBe(false);
    expect(lastRowTakesParagraph('id', units('Upgrade Options', 'List upgrade options'), isHeading)).toBe(false);
  });

  it('never takes a section heading, and always takes what precedes one', () => {
    expect(lastRowTakesParagraph('label', units('Cart', 'Most of API…', 'List product categories'), isHeading)).toBe(false);
    expect(lastRowTakesParagraph('pay_method', units('Payment method', 'Services', 'List services'), isHeading)).toBe(true);
  });

  it('takes the first of three prose paragraphs unless the third is code', () => {
    expect(lastRowTakesParagraph('body', units('Ticket message', 'Create Reply', 'Reply to ticket'), isHeading)).toBe(true);
    expect(lastRowTakesParagraph('id', units('Upgrade Request', 'Estimate or request upgrade', "// Format of ''resources''"), isHeading)).toBe(false);
  });

  it('takes a paragraph followed by "Available values"', () => {
    expect(lastRowTakesParagraph('kind', units('Account Type', 'Available values: A, B.'), isHeading)).toBe(true);
  });
});

describe('pipe-leading layout (BalVPS)', () => {
  const page = [
    'Query Parameters',
    '| Parameter | Type | Description |',
    '|---|---|---|',
    'string |',
    'Email Address Required |',
    '|',
    '| firstname | string |',
    'First Name',
    'Value pattern: |',
    '| type | string |',
    'Account Type',
    'Available values:',
    '|',
    '| city | string |',
    'City |',
    '| refresh_token | string |',
    'Sign up',
    'Create new account',
  ].join('\n');

  it('reads rows, a lost name cell, lost patterns and lost enum values', () => {
    expect(rows(page, 'pipe-leading')).toEqual([
      { line: 4, name: null, type: 'string', description: 'Email Address Required' },
      { line: 7, name: 'firstname', type: 'string', description: 'First Name', pattern: '' },
      { line: 10, name: 'type', type: 'string', description: 'Account Type', enumValues: [] },
      { line: 14, name: 'city', type: 'string', description: 'City' },
      { line: 16, name: 'refresh_token', type: 'string', description: '' },
    ]);
  });

  it('ends the table at the first line that is neither row nor cell', () => {
    expect(tail(page, 'pipe-leading').rest.map(unitText)).toEqual(['Sign up', 'Create new account']);
  });

  it('marks a description cut where inline code was lost', () => {
    const text = ['Query Parameters', '| Parameter | Type | Description |', '|---|---|---|', '| refresh_token | string |', 'Refresh token previously obtained from |'].join('\n');
    expect(rows(text, 'pipe-leading')[0]).toMatchObject({ description: 'Refresh token previously obtained from', truncated: true });
  });
});

describe('pipe-trailing layout (BKNS)', () => {
  it('reads split rows, whose type sits in the description cell', () => {
    const text = [
      'Query Parameters',
      'Parameter | Type | Description |',
      '---|---|---|',
      'id | int |',
      '|',
      'pool |',
      '|',
      'string|int List ID to allocate new IP from |',
      'ipv4 |',
      '|',
      'int[] List of IP v4 IDs |',
      'Assign IPs',
    ].join('\n');
    expect(rows(text, 'pipe-trailing')).toEqual([
      { line: 4, name: 'id', type: 'int', description: '' },
      { line: 6, name: 'pool', type: 'string|int', description: 'List ID to allocate new IP from', split: true, truncated: true },
      { line: 9, name: 'ipv4', type: 'int[]', description: 'List of IP v4 IDs', split: true },
    ]);
    expect(tail(text, 'pipe-trailing').rest.map(unitText)).toEqual(['Assign IPs']);
  });

  it('reads "register|transfer |" as a description, not as a row', () => {
    const text = ['Query Parameters', 'Parameter | Type | Description |', '---|---|---|', 'action | string |', 'register|transfer |', 'tld_id | string |', 'TLD id |'].join('\n');
    expect(rows(text, 'pipe-trailing').map((r) => [r.name, r.description])).toEqual([
      ['action', 'register|transfer'],
      ['tld_id', 'TLD id'],
    ]);
  });

  it('reads one-word description cells as descriptions', () => {
    const text = ['Query Parameters', 'Parameter | Type | Description |', '---|---|---|', 'domainsid | string |', 'domainsid |', 'SSL Certificates'].join('\n');
    expect(rows(text, 'pipe-trailing')).toEqual([{ line: 4, name: 'domainsid', type: 'string', description: 'domainsid' }]);
    expect(tail(text, 'pipe-trailing').rest.map(unitText)).toEqual(['SSL Certificates']);
  });
});

describe('table errors', () => {
  it('rejects an unknown table header with file and line', () => {
    const text = '\nQuery Parameters\n\nName\tType\tNotes\n';
    expect(() => tail(text, 'blank')).toThrow(ImportDocsError);
    expect(() => tail(text, 'blank')).toThrow(/^page\.txt:4: unknown parameter table layout/);
  });

  it('rejects a table in another layout than the page', () => {
    const text = 'Query Parameters\nParameter | Type | Description |\n';
    expect(() => tail(text, 'blank')).toThrow(/^page\.txt:2: parameter table in the pipe-trailing layout on a page in the blank layout/);
  });
});
