import { describe, expect, it } from 'vitest';
import { classifyExample } from '../../../generator/normalise/examples/classify-example.ts';

describe('classifyExample', () => {
  it('sees an error body (GET /service/@service_id/dns 000:500-505)', () => {
    expect(classifyExample({ error: ['invalid method'] })).toBe('error-body');
    expect(classifyExample({ error: [['wait_x_between_action', 24], 'unauthorized'] })).toBe('error-body');
    expect(classifyExample({ success: false, error: ['wronglogin'], info: [] })).toBe('error-body');
    expect(classifyExample({ error: 'ipnotallowed' })).toBe('error-body');
  });

  it('does not take an empty error list beside data for an error (POST /quote 001:4305)', () => {
    expect(classifyExample({ info: ['done'], error: [] })).toBe('success');
    expect(classifyExample({ success: true, error: ['partly failed'] })).toBe('success');
    expect(classifyExample({ error: ['x'], items: [1] })).toBe('success');
  });

  it('sees empty examples', () => {
    for (const value of [null, '', {}, []]) expect(classifyExample(value)).toBe('empty');
  });

  it('takes anything else as a success', () => {
    expect(classifyExample({ status: true })).toBe('success');
    expect(classifyExample([{ os: 'centos-7-x86_64' }])).toBe('success');
    expect(classifyExample(0)).toBe('success');
  });
});
