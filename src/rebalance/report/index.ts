/** The response document (spec §2) from the continuous optimum, re-evaluated on discrete trades. */
export { buildResponse } from './build-response.js';
