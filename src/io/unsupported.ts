import type { UnsupportedFields } from './strict-object.js';

/** Fields that describe an option contract: options are rejected, not ignored. */
export const OPTION_FIELDS: UnsupportedFields = {
  fields: ['option', 'optionType', 'putCall', 'strike', 'expiry', 'expiration'],
  message: 'options are not supported: Tailor tracks shares of stocks and funds only',
};

/** `side` values of a short sale or its cover: short sales are rejected, not ignored. */
export const SHORT_SALE_SIDES: readonly string[] = [
  'short',
  'sellShort',
  'shortSell',
  'buyToCover',
  'cover',
];
