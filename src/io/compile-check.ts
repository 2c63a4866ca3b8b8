/**
 * Predicates compiled from zod schemas, for the validation fast path (fast-path.ts).
 *
 * `compileCheck(schema)` turns a schema built only of plain parts into a predicate that holds
 * exactly when zod would accept the value *and* return a copy equal to it (same keys, same
 * values). Plain parts: objects that strip or reject unknown keys, arrays, records with string
 * keys, strings with length checks, `.regex()` patterns or the ISO date format, finite numbers
 * with bounds, booleans, enums, literals, optional, nullable, plain unions of scalars, and
 * the refinements registered as pure tests (cross-check.ts's rules, keyed-union.ts). Anything
 * else — other refinements, transforms, pipes, defaults, exclusive unions, an unknown check —
 * compiles to `null`. The contract is for JSON values: an array carrying a named property
 * besides its elements, which JSON cannot express, passes here, where zod's copy would drop it.
 */
import type { z } from 'zod';

/** A predicate over unknown input; true means zod's output would equal the input. */
export type Check = (value: unknown) => boolean;

/** Any zod schema. */
export type Schema = z.core.$ZodType;

/** An object literal (or a null-prototype object), not an array or a class instance. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The definition fields read here and by fast-path.ts (zod 4's `_zod.def`, kept loose). */
export interface Def {
  type: string;
  coerce?: boolean;
  checks?: readonly { _zod: { def: CheckDef } }[];
  check?: string;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  options?: readonly Schema[];
  inclusive?: boolean;
  mode?: string;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

/** A schema's definition. */
export const defOf = (s: Schema): Def => s._zod.def as unknown as Def;

/**
 * A schema's checks as one range: lengths in [minLength, maxLength], values above `lo` (or at
 * it unless `loStrict`) and below `hi` (likewise). Null when it has any other check.
 */
interface Range {
  minLength: number;
  maxLength: number;
  lo: number;
  loStrict: boolean;
  hi: number;
  hiStrict: boolean;
}

function rangeOf(def: Def): Range | null {
  const r: Range = {
    minLength: 0,
    maxLength: Infinity,
    lo: -Infinity,
    loStrict: false,
    hi: Infinity,
    hiStrict: false,
  };
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    const n = typeof d.value === 'number' ? d.value : NaN;
    if (d.check === 'min_length' && typeof d.minimum === 'number') {
      r.minLength = Math.max(r.minLength, d.minimum);
    } else if (d.check === 'max_length' && typeof d.maximum === 'number') {
      r.maxLength = Math.min(r.maxLength, d.maximum);
    } else if (d.check === 'length_equals' && typeof d.length === 'number') {
      r.minLength = Math.max(r.minLength, d.length);
      r.maxLength = Math.min(r.maxLength, d.length);
    } else if (d.check === 'greater_than' && !Number.isNaN(n)) {
      if (n > r.lo || (n === r.lo && !d.inclusive)) [r.lo, r.loStrict] = [n, !d.inclusive];
    } else if (d.check === 'less_than' && !Number.isNaN(n)) {
      if (n < r.hi || (n === r.hi && !d.inclusive)) [r.hi, r.hiStrict] = [n, !d.inclusive];
    } else {
      return null;
    }
  }
  return r;
}

/**
 * Predicates given by the code that builds a schema zod cannot describe in its definition (a
 * transform that picks a branch by key, see keyed-union.ts), under the same contract.
 */
const registered = new WeakMap<Schema, () => Check | null>();

/** Gives `schema` a predicate built on first use (lazily: its parts may not be final yet). */
export function registerCheck(schema: Schema, build: () => Check | null): void {
  registered.set(schema, build);
}

/** A check instance in a schema's `checks` (what `superRefine` appends). */
type CheckInstance = NonNullable<Def['checks']>[number];

/**
 * Refinements whose code is known to be a pure test of the value (the cross-field rules of
 * cross-check.ts): keyed by the check instance, which clones of the schema (`.describe()`)
 * share, the test holding when the refinement adds no issue.
 */
const ruleChecks = new WeakMap<CheckInstance, Check>();

/** Marks the last check of `refined` (a `superRefine`) as the pure test `passes`. */
export function registerRuleCheck(refined: Schema, passes: Check): void {
  const last = defOf(refined).checks?.at(-1);
  if (last) ruleChecks.set(last, passes);
}

/**
 * The predicate of `schema`, or null when it has a part not compiled here. Registered rule
 * checks are tested after the rest of the schema (zod runs them on its output, equal to the
 * input whenever the rest passes).
 */
export function compileCheck(schema: Schema): Check | null {
  const build = registered.get(schema);
  if (build) return build();
  const def = defOf(schema);
  const checks = def.checks ?? [];
  const rules = checks.filter((c) => ruleChecks.has(c)).map((c) => ruleChecks.get(c)!);
  if (rules.length === 0) return compileDef(schema, def);
  const rest = compileDef(schema, { ...def, checks: checks.filter((c) => !ruleChecks.has(c)) });
  if (!rest) return null;
  return (v) => rest(v) && rules.every((rule) => rule(v));
}

function compileDef(schema: Schema, def: Def): Check | null {
  if (def.coerce) return null;
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number': {
      const r = rangeOf(def);
      if (!r) return null;
      const { lo, loStrict, hi, hiStrict } = r;
      // Number.isFinite is false for anything but a finite number (no coercion).
      if (lo === -Infinity && hi === Infinity) return (v) => Number.isFinite(v);
      return (v) =>
        Number.isFinite(v) &&
        ((v as number) > lo || (!loStrict && v === lo)) &&
        ((v as number) < hi || (!hiStrict && v === hi));
    }
    case 'boolean':
      return def.checks?.length ? null : (v) => typeof v === 'boolean';
    case 'enum':
    case 'literal': {
      const values = schema._zod.values;
      return values && !def.checks?.length ? (v) => values.has(v as never) : null;
    }
    case 'optional':
    case 'nullable': {
      const inner = def.innerType && !def.checks?.length ? compileCheck(def.innerType) : null;
      if (!inner) return null;
      return def.type === 'optional'
        ? (v) => v === undefined || inner(v)
        : (v) => v === null || inner(v);
    }
    case 'union':
      return compileUnion(def);
    case 'array':
      return compileArray(def);
    case 'record':
      return compileRecord(def);
    case 'object':
      return compileObject(def);
    default:
      return null;
  }
}

function compileString(def: Def): Check | null {
  // Patterns: the ISO date format (a format schema is its own check) and `.regex()` checks,
  // each a pure pattern test; any other format is left to zod.
  const patterns: RegExp[] = [];
  if (def.check !== undefined || def.format !== undefined) {
    if (def.check !== 'string_format' || def.format !== 'date' || !def.pattern) return null;
    patterns.push(def.pattern);
  }
  const others = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' && d.format === 'regex' && d.pattern) patterns.push(d.pattern);
    else others.push(c);
  }
  const r = rangeOf({ ...def, checks: others });
  if (!r || r.lo !== -Infinity || r.hi !== Infinity) return null;
  const { minLength, maxLength } = r;
  const matches = (v: string): boolean => {
    for (const pattern of patterns) {
      pattern.lastIndex = 0; // as zod does, for a pattern with the g or y flag
      if (!pattern.test(v)) return false;
    }
    return true;
  };
  return (v) =>
    typeof v === 'string' && v.length >= minLength && v.length <= maxLength && matches(v);
}

/** Option types whose check holds exactly when zod accepts the value (no key to strip). */
const SCALARS = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

function compileUnion(def: Def): Check | null {
  // A plain union returns its first passing option's output. With scalar options only, a check
  // fails exactly when zod rejects the option, so the first passing check is zod's choice and
  // its output is the input. (An object option could accept what its check refuses, stripping a
  // key, ahead of a later option.) Exclusive unions (xor, discriminated) are left to zod.
  if (!def.options || def.inclusive === false || def.checks?.length) return null;
  const options: Check[] = [];
  for (const o of def.options) {
    const c = SCALARS.has(defOf(o).type) ? compileCheck(o) : null;
    if (!c) return null;
    options.push(c);
  }
  return (v) => {
    for (const option of options) if (option(v)) return true;
    return false;
  };
}

function compileArray(def: Def): Check | null {
  const element = def.element && compileCheck(def.element);
  const r = rangeOf(def);
  if (!element || !r || r.lo !== -Infinity || r.hi !== Infinity) return null;
  const { minLength, maxLength } = r;
  if (def.element && isPlainNumber(def.element)) {
    // Arrays of plain numbers (a risk model's exposures and covariance) are most of a large
    // request's values: tested in the loop, without a call per element.
    return (v) => {
      if (!Array.isArray(v) || v.length < minLength || v.length > maxLength) return false;
      for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
      return true;
    };
  }
  return (v) => {
    if (!Array.isArray(v) || v.length < minLength || v.length > maxLength) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

/** A number schema with no check besides what its own check already tests: any finite number. */
function isPlainNumber(schema: Schema): boolean {
  const def = defOf(schema);
  if (def.type !== 'number' || def.coerce || registered.has(schema)) return false;
  const r = rangeOf(def);
  return r !== null && r.lo === -Infinity && r.hi === Infinity;
}

function compileRecord(def: Def): Check | null {
  // Only string keys: an enum key type makes the record exhaustive, which is not compiled.
  if (!def.keyType || !def.valueType || def.checks?.length || def.mode === 'loose') return null;
  if (defOf(def.keyType).type !== 'string') return null;
  const key = compileCheck(def.keyType);
  const value = compileCheck(def.valueType);
  if (!key || !value) return null;
  return (v) => {
    // zod reads symbol keys too (and rejects them); "__proto__" it drops from the copy.
    if (!isPlainObject(v) || Object.getOwnPropertySymbols(v).length > 0) return false;
    for (const k of Object.keys(v)) {
      if (k === '__proto__' || !key(k) || !value(v[k])) return false;
    }
    return true;
  };
}

function compileObject(def: Def): Check | null {
  if (!def.shape || def.checks?.length) return null;
  // Strict (catchall never) and strip (no catchall) objects: an unknown key fails the predicate,
  // so zod reports it (strict) or drops it from its copy (strip).
  if (def.catchall && defOf(def.catchall).type !== 'never') return null;
  const keys = Object.keys(def.shape);
  const checks: Check[] = [];
  const optional: boolean[] = [];
  for (const k of keys) {
    const s = def.shape[k]!;
    const c = compileCheck(s);
    if (!c || k === '__proto__') return null;
    checks.push(c);
    optional.push(s._zod.optin === 'optional' && s._zod.optout === 'optional');
  }
  return (v) => {
    if (!isPlainObject(v)) return false;
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k in v) {
        present++;
        if (!checks[i]!(v[k])) return false;
      } else if (!optional[i]) {
        return false;
      }
    }
    // Every enumerable key, inherited ones too (for-in keys are always strings): with one on
    // Object.prototype, never there in practice, the counts differ and zod decides.
    let all = 0;
    for (const key in v) if (typeof key === 'string') all++;
    return all === present;
  };
}
