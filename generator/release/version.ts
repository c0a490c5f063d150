/**
 * The version policy. From 1.0.0 on, plain semver: breaking → major, features → minor, docs or
 * generator-only changes → patch. Below 1.0.0 every level shifts down one place, the way npm's caret
 * ranges read 0.x versions (`^0.3.1` means `>=0.3.1 <0.4.0`): breaking → minor, features and docs →
 * patch. A package leaves 0.x only by a person setting its version to 1.0.0 (see the README).
 */
import semver from 'semver';
import type { Change } from './change.ts';

export type ReleaseLevel = 'major' | 'minor' | 'patch';

/** The level the changes call for; undefined when nothing changed. */
export function releaseLevel(changes: readonly Change[], generatedFilesChanged: boolean): ReleaseLevel | undefined {
  if (changes.some((c) => c.severity === 'breaking')) return 'major';
  if (changes.some((c) => c.severity === 'feature')) return 'minor';
  if (changes.length > 0 || generatedFilesChanged) return 'patch';
  return undefined;
}

/** The semver increment actually applied to `version` for `level` (the 0.x shift included). */
export function effectiveIncrement(version: string, level: ReleaseLevel): ReleaseLevel {
  if (semver.major(version) > 0) return level;
  return level === 'major' ? 'minor' : 'patch';
}

export function nextVersion(version: string, level: ReleaseLevel): string {
  const valid = semver.valid(version);
  if (valid === null) throw new Error(`"${version}" is not a semver version`);
  const next = semver.inc(valid, effectiveIncrement(valid, level));
  if (next === null) throw new Error(`cannot increment "${version}"`);
  return next;
}
