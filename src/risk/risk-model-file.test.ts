import { describe, expect, it } from 'vitest';
import { checkRiskModelFile } from './risk-model-file.js';

const valid = {
  version: 'default-2021-04-21-r1',
  factors: ['pc01', 'pc02'],
  factorCovariance: [
    [0.04, 0],
    [0, 0.01],
  ],
  exposures: { A: [1, 0.5] },
  specificVariance: { A: 0.02 },
};

describe('checkRiskModelFile', () => {
  it('accepts a consistent file and defaults the classification', () => {
    expect(checkRiskModelFile(valid, 'x.json').classification).toEqual({});
  });

  it.each([
    ['not an object', 3, /not a JSON object/],
    ['no version', { ...valid, version: undefined }, /missing version/],
    ['a short covariance', { ...valid, factorCovariance: [[0.04, 0]] }, /2 × 2/],
    ['a short exposure row', { ...valid, exposures: { A: [1] } }, /exposures\.A/],
    ['a missing specific variance', { ...valid, specificVariance: {} }, /specificVariance\.A/],
    ['a non-finite exposure', { ...valid, exposures: { A: [1, null] } }, /exposures\.A/],
  ])('rejects %s', (_, file, message) => {
    expect(() => checkRiskModelFile(file, 'x.json')).toThrow(message);
  });
});
