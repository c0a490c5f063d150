import { describe, expect, it } from 'vitest';
import { hostbillRules } from '../../../templates/runtime/hostbill.ts';
import { ApiError, AuthenticationError, InternalServerError, NotFoundError, RateLimitError, ThrottleError } from '../../../templates/runtime/index.ts';
import { errorFromResponse, readableErrors, rawErrorEntries } from '../../../templates/runtime/internal/response-errors.ts';

const read = (status: number, body: unknown) => ({ status, headers: new Headers(), body, label: 'GET /x' });

describe('error entries', () => {
  const cases: [body: unknown, want: string[]][] = [
    [{ error: ['invalid method', ['field_required', 'name']] }, ['invalid method', 'field_required: name']],
    [{ errors: { name: 'required' } }, ['name: required']],
    [{ message: 'Not found' }, ['Not found']],
    [{ error: 0 }, ['0']],
    [{ error: [] }, []],
    [{ error: '' }, []],
    ['plain text', []],
    [[1, 2], []],
    [null, []],
  ];
  it.each(cases)('%j → %j', (body, want) => expect(readableErrors(rawErrorEntries(body))).toEqual(want));
});

describe('errorFromResponse', () => {
  const cases: [status: number, body: unknown, want: typeof ApiError, message: string][] = [
    [404, { error: ['not found'] }, NotFoundError, '404 GET /x: not found'],
    [401, { error: ['wronglogin'] }, AuthenticationError, '401 GET /x: wronglogin'],
    [429, '', RateLimitError, '429 GET /x: HTTP 429'],
    [502, '<html><title>Bad Gateway</title></html>', InternalServerError, '502 GET /x: Bad Gateway'],
    [418, 'teapot', ApiError, '418 GET /x: teapot'],
  ];
  it.each(cases)('%i %j', (status, body, want, message) => {
    const error = errorFromResponse(read(status, body));
    expect(error.constructor).toBe(want);
    expect(error.message).toBe(message);
    expect(error.status).toBe(status);
  });
});

describe('hostbillRules.bodyError', () => {
  type Want = { class: typeof ApiError; waitSeconds?: number } | undefined;
  const cases: [name: string, status: number, body: unknown, want: Want][] = [
    ['a 2xx body with error entries', 200, { error: ['invalid method'] }, { class: ApiError }],
    ['a 2xx body with an empty error list', 200, { error: [], success: true }, undefined],
    ['a 2xx body without error', 200, { servers: [] }, undefined],
    ['a 2xx array', 200, [{ error: ['x'] }], undefined],
    ['a throttle with 401', 401, { error: [['wait_x_between_action', 24], 'unauthorized'] }, { class: ThrottleError, waitSeconds: 24 }],
    ['a throttle with 429, seconds as a string', 429, { error: [['wait_x_between_action', '3']] }, { class: ThrottleError, waitSeconds: 3 }],
    ['a throttle on a 2xx body', 200, { error: [['wait_x_between_action', 5]] }, { class: ThrottleError, waitSeconds: 5 }],
    ['a plain 401: left to the status', 401, { error: ['unauthorized'] }, undefined],
    ['a wait entry without a number', 401, { error: [['wait_x_between_action', 'soon']] }, undefined],
  ];
  it.each(cases)('%s', (_, status, body, want) => {
    const error = hostbillRules.bodyError(read(status, body));
    if (!want) return expect(error).toBeUndefined();
    expect(error?.constructor).toBe(want.class);
    expect(error?.status).toBe(status);
    if (want.waitSeconds !== undefined) expect((error as ThrottleError).waitSeconds).toBe(want.waitSeconds);
  });
});
