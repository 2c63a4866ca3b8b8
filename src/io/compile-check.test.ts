import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileCheck } from './compile-check.js';
import { withRules } from './cross-check.js';
import { IdSchema } from './id.js';
import { IsoDateSchema } from './iso-date.js';
import { ModelTargetSchema } from './model-schema.js';
import { FiniteNumberSchema, FractionSchema, PositiveNumberSchema } from './numbers.js';
import { strictObject } from './strict-object.js';
import { numberAt } from './unknown-reader.js';

/** The check of `schema`, which must compile. */
function checkOf(schema: z.core.$ZodType): (v: unknown) => boolean {
  const check = compileCheck(schema);
  if (!check) throw new Error('expected a compilable schema');
  return check;
}

/** The contract: a value the check accepts, zod accepts and copies as it is. */
function expectContract(schema: z.ZodType, value: unknown): boolean {
  const accepted = checkOf(schema)(value);
  if (accepted) {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toStrictEqual(value);
  }
  return accepted;
}

/** Two numbers in order, by a cross-field rule (registered as a pure test by withRules). */
const Ordered = withRules(
  strictObject({ low: FiniteNumberSchema, high: FiniteNumberSchema }),
  (v) =>
    numberAt(v, 'low')! > numberAt(v, 'high')!
      ? [{ path: ['low'], code: 'out_of_order', message: 'low is above high' }]
      : [],
);

const Lot = strictObject({
  id: IdSchema,
  quantity: PositiveNumberSchema,
  acquired: IsoDateSchema,
  note: z.string().nullable().optional(),
});

describe('compileCheck: accepts what zod accepts unchanged', () => {
  it.each([
    ['a finite number', FiniteNumberSchema, -2.5],
    ['a fraction at its bounds', FractionSchema, 1],
    ['a non-empty id', IdSchema, 'S1'],
    ['a calendar date', IsoDateSchema, '2024-02-29'],
    ['a strict object', Lot, { id: 'L1', quantity: 3, acquired: '2024-01-02' }],
    ['an optional null', Lot, { id: 'L1', quantity: 3, acquired: '2024-01-02', note: null }],
    ['an array', z.array(FiniteNumberSchema).min(1), [1, 2, 3]],
    [
      'an array of plain numbers (tested in its loop)',
      z.array(FiniteNumberSchema),
      [0, -1.5, 2e300],
    ],
    ['a record', z.record(IdSchema, z.array(FiniteNumberSchema)), { a: [1], b: [] }],
    ['an enum', z.enum(['buy', 'sell']), 'sell'],
    ['the stricter of two bounds', z.number().gt(0).gte(0).lte(2), 2],
    ['an exact length', z.string().length(3), 'abc'],
    ['an array within its size', z.array(IdSchema).min(1).max(2), ['a', 'b']],
    ['a keyed union', ModelTargetSchema, { model: 'm', weight: 0.5 }],
    ['a union, its first option', z.union([FiniteNumberSchema, IdSchema]), 2],
    ['a union, its second option', z.union([FiniteNumberSchema, IdSchema]), 'a'],
    ['a pattern', z.string().regex(/^[1-9]+:[1-9]+$/), '1:12'],
    ['rules that hold', Ordered, { low: 1, high: 2 }],
    ['rules that hold, described', Ordered.describe('low ≤ high'), { low: 1, high: 1 }],
  ])('%s', (_name, schema, value) => {
    expect(expectContract(schema, value)).toBe(true);
  });
});

describe('compileCheck: refuses what zod rejects or would change', () => {
  it.each([
    ['NaN', FiniteNumberSchema, Number.NaN],
    ['Infinity', FiniteNumberSchema, Number.POSITIVE_INFINITY],
    ['a numeric string', FiniteNumberSchema, '1'],
    ['an exclusive bound', PositiveNumberSchema, 0],
    ['past an inclusive bound', FractionSchema, 1.0000001],
    ['an empty id', IdSchema, ''],
    ['no such day', IsoDateSchema, '2023-02-29'],
    ['a date with a time', IsoDateSchema, '2024-01-02T00:00:00Z'],
    ['a missing field', Lot, { id: 'L1', quantity: 3 }],
    ['an unknown field', Lot, { id: 'L1', quantity: 3, acquired: '2024-01-02', extra: 1 }],
    [
      'an object with a prototype of its own',
      Lot,
      Object.assign(Object.create({ inherited: true }) as object, {
        id: 'L',
        quantity: 1,
        acquired: '2024-01-02',
      }),
    ],
    ['a short array', z.array(FiniteNumberSchema).min(1), []],
    ['a hole', z.array(FiniteNumberSchema), Object.assign(new Array<number>(3), { 0: 1, 2: 3 })],
    ['an object for an array', z.array(FiniteNumberSchema), { 0: 1, length: 1 }],
    ['a numeric string among numbers', z.array(FiniteNumberSchema), [1, '2', 3]],
    ['NaN among numbers', z.array(FiniteNumberSchema), [1, Number.NaN]],
    ['a bounded element past its bound', z.array(PositiveNumberSchema), [1, 0]],
    ['an empty record key', z.record(IdSchema, FiniteNumberSchema), { '': 1 }],
    ['a __proto__ key', z.record(IdSchema, FiniteNumberSchema), JSON.parse('{"__proto__": 1}')],
    ['a symbol key', z.record(IdSchema, FiniteNumberSchema), { a: 1, [Symbol('s')]: 2 }],
    ['not an enum value', z.enum(['buy', 'sell']), 'hold'],
    ['the stricter of two bounds', z.number().gt(0).gte(0).lte(2), 0],
    ['past an upper bound', z.number().gt(0).gte(0).lte(2), 2.5],
    ['a wrong length', z.string().length(3), 'abcd'],
    ['an array past its size', z.array(IdSchema).min(1).max(2), ['a', 'b', 'c']],
    ['both union keys', ModelTargetSchema, { model: 'm', security: 's', weight: 0.5 }],
    ['no union key', ModelTargetSchema, { weight: 0.5 }],
    ['no union option', z.union([FiniteNumberSchema, IdSchema]), true],
    ['not the pattern', z.string().regex(/^[1-9]+:[1-9]+$/), '0:12'],
    ['rules that fail', Ordered, { low: 3, high: 2 }],
    ['rules that fail, described', Ordered.describe('low ≤ high'), { low: 3, high: 2 }],
  ])('%s', (_name, schema, value) => {
    expect(expectContract(schema, value)).toBe(false);
  });

  it('tests a pattern with the g flag afresh each time, as zod does', () => {
    const check = checkOf(z.string().regex(/a/g));
    expect([check('a'), check('a'), check('b')]).toEqual([true, true, false]);
  });

  it('refuses unknown fields of a stripping object, which zod would drop from its copy', () => {
    const Strip = z.object({ id: IdSchema });
    expect(expectContract(Strip, { id: 'a' })).toBe(true);
    expect(checkOf(Strip)({ id: 'a', extra: 1 })).toBe(false);
    expect(Strip.parse({ id: 'a', extra: 1 })).toStrictEqual({ id: 'a' });
  });
});

describe('compileCheck: leaves to zod what it does not compile', () => {
  it.each([
    ['a refinement', FiniteNumberSchema.refine((v) => v !== 3)],
    ['a transform', z.string().transform((s) => s.trim())],
    ['a default', z.number().default(1)],
    ['a coercion', z.coerce.number()],
    ['a union with an uncompiled option', z.union([z.string(), z.number().int()])],
    ['an exclusive union', z.xor([z.string(), z.number()])],
    [
      'a union with an object, which may strip a key ahead of a later option',
      z.union([z.object({ id: IdSchema }), z.record(IdSchema, IdSchema)]),
    ],
    [
      'a discriminated union',
      z.discriminatedUnion('kind', [
        strictObject({ kind: z.literal('a') }),
        strictObject({ kind: z.literal('b') }),
      ]),
    ],
    ['an integer format', z.number().int()],
    ['an email format', z.email()],
    ['an exhaustive record', z.record(z.enum(['a', 'b']), z.number())],
    ['a passthrough object', z.looseObject({ id: IdSchema })],
    ['an array of refined numbers', z.array(z.number().refine((v) => v > 0))],
  ])('%s', (_name, schema) => {
    expect(compileCheck(schema)).toBeNull();
  });
});
