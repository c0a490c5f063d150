/**
 * Identifier-making: turns spec text into identifiers. Everything the generator emits as a name
 * (group, method, type alias) goes through here, so a spec can never smuggle syntax into code.
 */

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'as', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public',
  'static', 'yield', 'await', 'async', 'any', 'boolean', 'number', 'string', 'symbol', 'type', 'from',
  'of', 'undefined', 'never', 'unknown', 'object', 'arguments', 'eval',
]);

/** Names that would shadow or pollute Object.prototype members when used as keys or members. */
const PROTOTYPE_NAMES = new Set([
  'constructor', '__proto__', 'prototype', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__',
]);

/** Splits arbitrary text into ASCII alphanumeric words, also at camelCase boundaries. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

export function pascalCase(text: string): string {
  return words(text).map(capitalise).join('');
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * A camelCase identifier that is valid, not reserved and not a prototype member.
 * `fallback` is used when the text has no usable characters at all.
 */
export function safeCamelIdentifier(text: string, fallback = 'item'): string {
  let name = camelCase(text);
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED.has(name) || PROTOTYPE_NAMES.has(name)) name = `${name}_`;
  return name;
}

/** A PascalCase identifier suitable for a type or class name. */
export function safePascalIdentifier(text: string, fallback = 'Item'): string {
  let name = pascalCase(text);
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED.has(name.toLowerCase()) && name === name.toLowerCase()) name = `${name}_`;
  return name;
}

/** True when `name` can be written as a bare identifier (property key, member name) in TS output. */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}

/**
 * An operationId kept as written when it already is a safe identifier (`dns_get_zone`,
 * `getIPv4IPs`), otherwise made one (`VPN Management_getServers` → `vpnManagementGetServers`).
 */
export function safeOperationId(text: string): string {
  if (isIdentifierName(text) && !RESERVED.has(text) && !PROTOTYPE_NAMES.has(text)) return text;
  return safeCamelIdentifier(text, 'operation');
}
