/** fast-check arbitraries for the cells of a broker's executions file, FIX or CSV. */
import fc from 'fast-check';

/** An order or execution id: 1 to `maxLength` printable ASCII characters, no spaces. */
export const brokerId = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0x21, max: 0x7e }), { minLength: 1, maxLength })
    .map((codes) => String.fromCharCode(...codes));

/** Shares or a price as decimal text above 0, with up to 4 decimals (`12`, `301.25`). */
export const positiveDecimalText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, places]) =>
    places === 0 ? String(units) : (units / 10 ** places).toFixed(places),
  );

/** A day from 2000 to 2099, as YYYY-MM-DD. */
export const isoDay: fc.Arbitrary<string> = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
