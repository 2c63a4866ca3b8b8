import { describe, expect, it } from 'vitest';
import type { Equals, Expect } from './schema-contract.js';

/*
 * `Equals` is checked by `tsc` (npm run typecheck): each `@ts-expect-error` below becomes an
 * error itself if `Equals` ever stops catching that kind of drift between a schema and a type.
 */
type Lot = { lot: string; quantity: number };
type Base = { id: string; lots: Lot[]; note?: string };
type NoNote = { id: string; lots: Lot[] };
type ExtraOptional = Base & { extra?: number };
type NestedRetyped = { id: string; lots: { lot: number; quantity: number }[]; note?: string };
type NoteRequired = { id: string; lots: Lot[]; note: string };
type NestedOptional = { id: string; lots: (Lot & { fee?: number })[]; note?: string };

// @ts-expect-error a field missing on one side
export type MissingFieldCaught = Expect<Equals<Base, NoNote>>;
// @ts-expect-error an optional field on one side only
export type ExtraOptionalCaught = Expect<Equals<Base, ExtraOptional>>;
// @ts-expect-error a nested field of another type
export type NestedRetypedCaught = Expect<Equals<Base, NestedRetyped>>;
// @ts-expect-error optional on one side, required on the other
export type NoteRequiredCaught = Expect<Equals<Base, NoteRequired>>;
// @ts-expect-error a nested optional field on one side only
export type NestedOptionalCaught = Expect<Equals<Base, NestedOptional>>;

describe('Equals', () => {
  it('is true for the same shape written another way, false for another shape', () => {
    type Rewritten = { note?: string | undefined; lots: Array<Lot>; id: string };
    const same: Equals<Base, Rewritten> = true;
    const differs: Equals<Base, NoNote> = false;
    expect([same, differs]).toEqual([true, false]);
  });
});
