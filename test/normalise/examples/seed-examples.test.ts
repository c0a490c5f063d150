import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyExample } from '../../../generator/normalise/examples/classify-example.ts';
import { extractExample } from '../../../generator/normalise/examples/extract-example.ts';
import { inferSchema } from '../../../generator/normalise/examples/infer-schema.ts';
import { parseExample } from '../../../generator/normalise/examples/parse-example.ts';

const SPECS = path.resolve(import.meta.dirname, '../../../specs');

interface SeedExample {
  readonly where: string;
  /** A description as the pipeline sees it: Time4VPS's own, or the importer's "```json\n<text>\n```". */
  readonly description: string;
}

/** Every "Example Response:" block of a docs page (named by that line): the lines after it, up to "HTTP Request". */
function pageExamples(provider: string): SeedExample[] {
  const lines = readFileSync(path.join(SPECS, provider, 'userapi-docs.txt'), 'utf8').split(/\r?\n/);
  const out: SeedExample[] = [];
  lines.forEach((line, index) => {
    if (!line.includes('Example Response')) return;
    const block: string[] = [];
    for (let i = index + 1; i < lines.length && !lines[i]!.startsWith('HTTP Request'); i++) block.push(lines[i]!);
    out.push({ where: `${provider}:${index + 1}`, description: '```json\n' + block.join('\n').trim() + '\n```' });
  });
  return out;
}

/** Every response description of the Time4VPS swagger that holds a fence. */
function swaggerExamples(): SeedExample[] {
  // The file has raw control characters inside strings (seed-quirks §2.7); escape them to read it.
  const text = readFileSync(path.join(SPECS, 'time4vps', 'swagger.json'), 'utf8').replace(
    /[\u0000-\u001f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const doc = JSON.parse(text) as { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };
  const out: SeedExample[] = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [code, response] of Object.entries(operation.responses ?? {})) {
        const description = response.description ?? '';
        if (description.includes('```')) out.push({ where: `time4vps ${method.toUpperCase()} ${route} ${code}`, description });
      }
    }
  }
  return out;
}

describe('the seeds’ documented examples', () => {
  const examples = {
    time4vps: swaggerExamples(),
    brainoza: pageExamples('brainoza'),
    'dns-services': pageExamples('dns-services'),
    balvps: pageExamples('balvps'),
    bkns: pageExamples('bkns'),
  };
  const all = Object.values(examples).flat();
  const results = all.map((example) => {
    const extracted = extractExample(example.description);
    if (extracted.kind !== 'fenced') return { example, text: undefined, strict: false, parsed: undefined };
    let strict = true;
    try {
      JSON.parse(extracted.text);
    } catch {
      strict = false;
    }
    return { example, text: extracted.text, strict, parsed: parseExample(extracted.text) };
  });

  it('are all found: 186 examples, 34 of them not strict JSON', () => {
    expect(Object.fromEntries(Object.entries(examples).map(([name, list]) => [name, list.length]))).toEqual({
      time4vps: 42,
      brainoza: 12,
      'dns-services': 53,
      balvps: 30,
      bkns: 49,
    });
    expect(results.filter((r) => r.text === undefined).map((r) => r.example.where)).toEqual([]);
    expect(results.filter((r) => !r.strict)).toHaveLength(34);
  });

  it('parse, every one that is not empty', () => {
    const failures = results
      .filter((r) => r.text !== '' && !r.parsed?.ok)
      .map((r) => `${r.example.where}: ${r.parsed && !r.parsed.ok ? r.parsed.reason : 'no fence'}`);
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.text === '').map((r) => r.example.where)).toEqual(['time4vps GET /certificate/@id/crt 200']);
  });

  it('are success bodies except the known error bodies, and each gives a schema', () => {
    const notSuccess: string[] = [];
    for (const r of results) {
      if (!r.parsed?.ok) continue;
      const kind = classifyExample(r.parsed.value);
      if (kind !== 'success') notSuccess.push(`${r.example.where} ${kind}`);
      else expect(inferSchema(r.parsed.value)['x-inferred-from-example']).toBe(true);
    }
    // GET /service/@service_id/dns documents `{"error": ["invalid method"]}` in all four pages.
    expect(notSuccess).toEqual(['brainoza:500 error-body', 'dns-services:4554 error-body', 'balvps:1541 error-body', 'bkns:5323 error-body']);
  });
});
