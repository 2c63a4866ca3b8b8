/**
 * Public data types of the QP solver.
 *
 * Problem form (see docs/solver.md):
 *
 *     minimise    ½ xᵀPx + qᵀx
 *     subject to  A x = b
 *                 cl ≤ C x ≤ cu
 *                 lb ≤ x ≤ ub
 *
 * Bounds may be ±Infinity; equal bounds fix a variable (or turn a C row into an equality).
 */

/**
 * Compressed sparse column matrix. Column `j` holds the entries `colPtr[j] ≤ p < colPtr[j+1]`;
 * `rowIdx[p]` is the row and `values[p]` the value. Row indices must be strictly increasing
 * within a column (no duplicates). Build one with `cscFromTriplets` if in doubt.
 */
export interface CscMatrix {
  readonly nrows: number;
  readonly ncols: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly values: Float64Array;
}

/** The sparsity pattern of a problem: what the symbolic analysis depends on. Values are ignored. */
export interface QpPattern {
  /** Number of variables. */
  readonly n: number;
  /** Objective Hessian, upper triangle only (row ≤ col). Omit for an LP. */
  readonly P?: CscMatrix;
  /** Equality rows. */
  readonly A?: CscMatrix;
  /** Ranged inequality rows. */
  readonly C?: CscMatrix;
}

/** A convex QP in the form documented above. Omitted vectors default as noted. */
export interface QpProblem extends QpPattern {
  /** Linear objective, length n. */
  readonly q: Float64Array;
  /** Right-hand side of A x = b, length A.nrows. */
  readonly b?: Float64Array;
  /** Lower bounds of C x (default −∞), length C.nrows. */
  readonly cl?: Float64Array;
  /** Upper bounds of C x (default +∞), length C.nrows. */
  readonly cu?: Float64Array;
  /** Variable lower bounds (default −∞), length n. */
  readonly lb?: Float64Array;
  /** Variable upper bounds (default +∞), length n. */
  readonly ub?: Float64Array;
}

/** Solver tolerances and limits. Every field is optional; defaults are in `DEFAULT_QP_OPTIONS`. */
export interface QpOptions {
  /** Maximum interior-point iterations. */
  readonly maxIterations?: number;
  /** Relative primal and dual feasibility tolerance. */
  readonly tolFeas?: number;
  /** Absolute duality-gap tolerance (objective units). */
  readonly tolGapAbs?: number;
  /** Relative duality-gap tolerance. */
  readonly tolGapRel?: number;
  /** Tolerance on infeasibility / unboundedness certificates. */
  readonly tolInfeas?: number;
  /** Maximum Ruiz equilibration passes (0 disables scaling). */
  readonly scalingIterations?: number;
  /** Static regularisation added to the KKT diagonal (scaled problem). */
  readonly staticRegularization?: number;
  /** Pivot magnitude below which a pivot is replaced by ±dynamicRegularization. */
  readonly dynamicRegularizationEps?: number;
  /** Replacement pivot magnitude for tiny or wrong-signed pivots. */
  readonly dynamicRegularization?: number;
  /** Maximum iterative-refinement steps per KKT solve. */
  readonly refinementSteps?: number;
  /** Maximum Gondzio centrality correctors per iteration (0 disables them). */
  readonly centralityCorrectors?: number;
  /** Fraction of the step to the boundary actually taken. */
  readonly stepFraction?: number;
  /**
   * Before iterating, report `infeasible` for a row that cannot hold over the variable bounds
   * alone (certificate.rowActivity; see row-activity.ts). Default true; off only to exercise
   * the iteration's own infeasibility detection.
   */
  readonly rowActivityCheck?: boolean;
  /**
   * Substitute out free variables that one equality row defines, where that makes the KKT
   * system smaller (presolve-plan.ts; e.g. factor exposures when factors outnumber securities).
   * Default true; results are reported for the problem as given either way.
   */
  readonly presolve?: boolean;
}

/**
 * A warm start: an earlier solution of a problem with the same pattern (any `QpResult` will do).
 * Only the lean path uses it; see warm-start.ts.
 */
export type QpStart = Pick<QpResult, 'x' | 'y' | 'z' | 'zx'>;

/** Outcome of a solve. Never thrown: a valid problem always produces one of these. */
export type QpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'iterationLimit' | 'numericalError';

/**
 * Proof of primal infeasibility (Farkas): multipliers with Aᵀy + Cᵀz + zx ≈ 0 whose support
 * value bᵀy + Σ min/max(z·[cl,cu]) + Σ min/max(zx·[lb,ub]) is positive — impossible for a
 * feasible x. The vectors are normalised to unit ∞-norm.
 */
export interface InfeasibilityCertificate {
  readonly kind: 'infeasible';
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly zx: Float64Array;
  /** Support value (> 0); divide the residual by it for a scale-free quality measure. */
  readonly support: number;
  /** ‖Aᵀy + Cᵀz + zx‖∞. */
  readonly residual: number;
  /**
   * Set when a bound pair crosses (lb > ub or cl > cu, or an infinite bound on the wrong side):
   * the problem is infeasible before any arithmetic; y, z, zx are then zero and `support` is
   * the amount by which the bounds cross.
   */
  readonly crossed?: { readonly kind: 'variable' | 'row'; readonly index: number };
  /**
   * Set when one row cannot hold over the variable bounds alone (its least or greatest value
   * over lb ≤ x ≤ ub lies beyond its right-hand side; see row-activity.ts): found before
   * iterating, with that row of A or C as the certificate (y or z = ±e_index, zx = ∓ that row).
   */
  readonly rowActivity?: { readonly matrix: 'A' | 'C'; readonly index: number };
}

/**
 * Proof of unboundedness (dual infeasibility): a direction d with A d ≈ 0, C d and d in the
 * recession cones of their bounds, qᵀd < 0 and curvature dᵀPd ≈ 0 (P is PSD, so this means
 * P d ≈ 0: ‖Pd‖² ≤ ‖P‖·dᵀPd). Along t·d the objective falls by up to (qᵀd)²/(2 dᵀPd).
 * Normalised to unit ∞-norm.
 */
export interface UnboundednessCertificate {
  readonly kind: 'unbounded';
  readonly d: Float64Array;
  /** qᵀd (< 0). */
  readonly descent: number;
  /** dᵀPd (≥ 0, small against |qᵀd|). */
  readonly curvature: number;
  /** Largest violation of A d = 0 and the recession-cone conditions. */
  readonly residual: number;
}

/** Result of a solve. Duals follow  P x + q = Aᵀy + Cᵀz + zx  (z, zx > 0 at active lower bounds). */
export interface QpResult {
  readonly status: QpStatus;
  /**
   * Primal solution (last iterate when not optimal). Rows and bounds hold to the primal
   * tolerance; x is not clipped into [lb, ub] (clip if exact bounds matter more than rows).
   */
  readonly x: Float64Array;
  /** Multipliers of A x = b. */
  readonly y: Float64Array;
  /** Multipliers of cl ≤ C x ≤ cu (positive: lower bound active, negative: upper). */
  readonly z: Float64Array;
  /** Bound multipliers of lb ≤ x ≤ ub (positive: lower active, negative: upper). */
  readonly zx: Float64Array;
  /** ½ xᵀPx + qᵀx at x. */
  readonly objective: number;
  /** Interior-point iterations performed. */
  readonly iterations: number;
  /** Largest absolute primal constraint violation (rows and bounds) at x. */
  readonly primalResidual: number;
  /** ‖P x + q − Aᵀy − Cᵀz − zx‖∞ at the returned point. */
  readonly dualResidual: number;
  /** |primal objective − dual objective|. */
  readonly gap: number;
  /** Present when status is 'infeasible' or 'unbounded'. */
  readonly certificate?: InfeasibilityCertificate | UnboundednessCertificate;
  /**
   * True when the iteration stalled (numerical trouble near the end) and the answer meets only
   * the reduced tolerances instead of the requested ones: either status 'optimal' from the best
   * iterate at 1e-5 relative feasibility and gap (the residual fields give the achieved
   * accuracy), or status 'infeasible' / 'unbounded' with a certificate that holds to
   * tolInfeas × 1e3 in the equilibrated space.
   */
  readonly reducedAccuracy?: boolean;
}
