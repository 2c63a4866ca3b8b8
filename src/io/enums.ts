/** Enumerated string fields shared by the documents; messages list the allowed values. */
import { z } from 'zod';

/** `taxable`, `deferred` (IRA, 401(k)) or `exempt` (Roth, charity). */
export const TaxStatusSchema = z.enum(['taxable', 'deferred', 'exempt']);

/** Which lots a sale relieves. */
export const ReliefMethodSchema = z.enum(['FIFO', 'HIFO', 'SPECID', 'MINTAX']);

/** Holding period of realized shares. */
export const TermSchema = z.enum(['short', 'long']);
