import { z } from 'zod';
import { expecting } from './describe-input.js';

/** An identifier (account, lot, security, model): a non-empty string. */
export const IdSchema = z.string({ error: expecting('a non-empty string (an id)') }).min(1);
