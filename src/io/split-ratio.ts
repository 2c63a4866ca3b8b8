import { z } from 'zod';
import { expecting } from './describe-input.js';

const EXPECTATION =
  'a number greater than 0 or a "new:old" string of two positive integers, e.g. "1:12"';
const error = expecting(EXPECTATION);

/** `"new:old"`: two positive integers without leading zeros. */
export const SPLIT_RATIO_TEXT = /^[1-9][0-9]*:[1-9][0-9]*$/;

/**
 * New shares per old share: a number > 0 (`2`, `0.25`, `1.02`) or an exact `"new:old"` string
 * (`"1:12"` for a 1-for-12 reverse split).
 */
export const SplitRatioSchema = z.union(
  [z.number({ error }).gt(0), z.string({ error }).regex(SPLIT_RATIO_TEXT)],
  { error },
);
