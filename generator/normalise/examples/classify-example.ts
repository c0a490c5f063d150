/**
 * What a parsed example documents:
 *   - 'empty': nothing to learn from (null, "", {}, []);
 *   - 'error-body': HostBill's error shape, `{"error": [...]}`, shown where a success was expected
 *     (GET /service/@service_id/dns in three docs shows `{"error": ["invalid method"]}`);
 *   - 'success': anything else.
 *
 * An object is an error body when its `error` member is non-empty and every other member is empty
 * or a false status (`"success": false`, `"status": 0`); `{"error": [], "info": [...]}` is a success.
 */
export type ExampleClass = 'empty' | 'error-body' | 'success';

export function classifyExample(value: unknown): ExampleClass {
  if (isEmpty(value)) return 'empty';
  if (isPlainObject(value) && Object.hasOwn(value, 'error') && !isEmpty(value.error) && value.error !== false) {
    const others = Object.entries(value).filter(([key]) => key !== 'error');
    if (others.every(([key, v]) => isEmpty(v) || (STATUS_KEYS.has(key) && isFalseStatus(v)))) return 'error-body';
  }
  return 'success';
}

const STATUS_KEYS = new Set(['success', 'status', 'result']);

function isFalseStatus(value: unknown): boolean {
  return value === false || value === 0 || value === '0' || value === 'false';
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
