/**
 * Turns zod issues into located, fixable messages: required fields named as such, misspelled
 * keys and enum values answered with "did you mean".
 */
import type { z } from 'astro/zod';
import { didYouMean } from './nearest';
import { quote } from './issue';
import { formatCount } from '../format-count';

export interface SchemaProblem {
  path: PropertyKey[];
  message: string;
  hint?: string;
}

/** `['sources', 0, 'url']` → `sources[0].url` */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${String(segment)}` : String(segment)),
    '',
  );
}

/** Keys each object in the schema accepts, by its path with list indices dropped. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[];

export function describeIssues(error: z.ZodError, input: unknown, knownKeys: KnownKeys): SchemaProblem[] {
  return error.issues.flatMap((issue): SchemaProblem[] => {
    const path = issue.path as PropertyKey[];
    if (issue.code !== 'unrecognized_keys' && path.length > 0 && valueAt(input, path) === undefined) {
      const allowed = issue.code === 'invalid_value' ? { hint: `one of: ${issue.values.map(String).join(', ')}` } : {};
      return [{ path, message: `"${fieldName(path)}" is required`, ...allowed }];
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const hint = didYouMean(key, knownKeys(path));
          return { path: [...path, key], message: `unknown field "${key}"`, ...(hint ? { hint } : { hint: `allowed: ${knownKeys(path).join(', ')}` }) };
        });
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const given = valueAt(input, path);
        const suggestion = typeof given === 'string' ? didYouMean(given, allowed) : undefined;
        return [{
          path,
          message: `${quote(given)} is not one of: ${allowed.join(', ')}`,
          ...(suggestion ? { hint: suggestion } : {}),
        }];
      }
      case 'invalid_type': {
        const given = valueAt(input, path);
        return [{ path, message: `must be ${article(issue.expected)}, not ${describe(given)}`, ...typeHint(issue.expected, given) }];
      }
      case 'invalid_union': {
        const given = valueAt(input, path);
        return [{ path, message: `${describe(given)} is not accepted here` }];
      }
      case 'too_big': {
        const given = valueAt(input, path);
        const limit = formatCount(Number(issue.maximum));
        if (typeof given === 'string') {
          return [{ path, message: `is ${formatCount(given.length)} characters long; at most ${limit} are allowed`, hint: 'the rest belongs in the body' }];
        }
        if (Array.isArray(given)) return [{ path, message: `lists ${given.length} items; at most ${limit} are allowed`, hint: 'keep the ones that matter most' }];
        return [{ path, message: issue.message }];
      }
      default:
        return [{ path, message: issue.message }];
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${quote(value)}`;
}

function typeHint(expected: string, given: unknown): { hint?: string } {
  if (expected === 'array' && typeof given === 'string') return { hint: `write it as a list, one "- ${given}" line per item` };
  if (expected === 'string' && typeof given === 'number') return { hint: 'put the value in quotes' };
  if (expected === 'string' && given === null) return { hint: 'fill in a value or remove the field' };
  return {};
}
