import { describe, expect, it } from 'vitest';
import type { Change } from '../../generator/release/change.ts';
import { prependEntry, renderEntry } from '../../generator/release/changelog.ts';
import { changedGeneratedFiles } from '../../generator/release/generated-files.ts';
import { effectiveIncrement, nextVersion, releaseLevel } from '../../generator/release/version.ts';

const breaking: Change = { severity: 'breaking', kind: 'operation-removed', operation: 'POST /token', message: 'operation removed (`getToken`)' };
const feature: Change = { severity: 'feature', kind: 'parameter-added', operation: 'GET /dns', target: 'page', message: 'optional parameter `page` added (query)' };
const docs: Change = { severity: 'docs', kind: 'docs-changed', message: 'spec version changed from `1` to `2`' };

describe('version policy', () => {
  it('picks the level from the most severe change; generator-only changes are a patch; nothing is nothing', () => {
    expect(releaseLevel([docs, feature, breaking], false)).toBe('major');
    expect(releaseLevel([docs, feature], false)).toBe('minor');
    expect(releaseLevel([docs], false)).toBe('patch');
    expect(releaseLevel([], true)).toBe('patch');
    expect(releaseLevel([], false)).toBeUndefined();
  });

  it.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['0.1.0', 'major', '0.2.0'],
    ['0.1.0', 'minor', '0.1.1'],
    ['0.1.0', 'patch', '0.1.1'],
    ['0.9.9', 'major', '0.10.0'],
  ] as const)('%s with %s changes → %s', (from, level, to) => {
    expect(nextVersion(from, level)).toBe(to);
  });

  it('reports the shifted increment below 1.0.0 and rejects non-semver versions', () => {
    expect([effectiveIncrement('0.3.0', 'major'), effectiveIncrement('0.3.0', 'minor'), effectiveIncrement('2.0.0', 'major')]).toEqual(['minor', 'patch', 'major']);
    expect(() => nextVersion('latest', 'patch')).toThrow('"latest" is not a semver version');
  });
});

describe('changelog', () => {
  it('renders an entry grouped by severity, with the spec version and hash, without a date unless given; lists generated files only without API changes', () => {
    const entry = renderEntry({ version: '0.2.0', specVersion: '4.20220303', specHash: 'sha256-abc', changes: [breaking, feature, docs], generatedFiles: ['src/client.ts'] });
    expect(entry).toBe(
      [
        '## 0.2.0',
        '',
        'Generated from spec version `4.20220303`, `sha256-abc`.',
        '',
        '### Breaking changes',
        '',
        '- `POST /token`: operation removed (`getToken`)',
        '',
        '### Non-breaking changes',
        '',
        '- `GET /dns`: optional parameter `page` added (query)',
        '',
        '### Documentation and metadata',
        '',
        '- spec version changed from `1` to `2`',
        '',
        '',
      ].join('\n'),
    );
    expect(renderEntry({ version: '0.2.1', changes: [], generatedFiles: ['README.md', 'src/client.ts'] })).toBe(
      '## 0.2.1\n\n### Generated code\n\nRegenerated without an API change to these files: `README.md`, `src/client.ts`.\n\n',
    );
    expect(renderEntry({ version: '1.0.0', date: '2025-02-03', changes: [], generatedFiles: [], initial: { operations: 3 } })).toBe('## 1.0.0 (2025-02-03)\n\nInitial release: 3 operations.\n\n');
  });

  it('prepends under the title, creating the file when there was none', () => {
    const first = prependEntry(undefined, '## 0.1.0\n\nInitial release: 3 operations.\n\n');
    expect(first).toBe('# Changelog\n\n## 0.1.0\n\nInitial release: 3 operations.\n');
    const second = prependEntry(first, '## 0.2.0\n\n- x\n\n');
    expect(second).toBe('# Changelog\n\n## 0.2.0\n\n- x\n\n## 0.1.0\n\nInitial release: 3 operations.\n');
    expect(prependEntry('Some notes\n', '## 1.0.0\n')).toBe('# Changelog\n\n## 1.0.0\n\nSome notes\n');
  });

  it('keeps backticks in spec-provided names from breaking the Markdown', () => {
    const weird: Change = { severity: 'breaking', kind: 'parameter-removed', operation: 'GET /a`b', target: 'x`y', message: 'parameter removed' };
    expect(renderEntry({ version: '1.0.0', changes: [weird], generatedFiles: [] })).toContain('- `GET /aˋb`: parameter removed');
  });
});

describe('generated files compared with the base', () => {
  it('ignores the version and bookkeeping hashes in package.json, CHANGELOG.md and openapi.json; reports added, removed and changed files', () => {
    const base = new Map([
      ['package.json', '{"name":"p","version":"0.1.0","description":"a"}'],
      ['CHANGELOG.md', 'old'],
      ['openapi.json', '{}'],
      ['src/client.ts', 'client'],
      ['src/gone.ts', 'x'],
    ]);
    const same = new Map([
      ['package.json', '{"name":"p","version":"0.2.0","description":"a"}'],
      ['CHANGELOG.md', 'new'],
      ['openapi.json', '{"changed":true}'],
      ['src/client.ts', 'client'],
      ['src/gone.ts', 'x'],
    ]);
    expect(changedGeneratedFiles(base, same)).toEqual([]);
    const hashedBase = new Map([
      ['package.json', '{"name":"p","version":"0.1.0","description":"a","clientgen":{"specHash":"s"}}'],
      ['src/client.ts', 'client'],
    ]);
    expect(changedGeneratedFiles(hashedBase, new Map([...hashedBase, ['package.json', hashedBase.get('package.json')!.replace('"specHash":"s"', '"specHash":"t"')]]))).toEqual(['package.json']);
    const changed = new Map([
      ['package.json', '{"name":"p","version":"0.1.0","description":"b"}'],
      ['src/client.ts', 'client 2'],
      ['src/new.ts', 'y'],
    ]);
    expect(changedGeneratedFiles(base, changed)).toEqual(['package.json', 'src/client.ts', 'src/gone.ts', 'src/new.ts']);
  });
});
