/**
 * A fast path for zod's validation of large collections (a household's accounts and lots, a
 * risk model's exposures, a model's targets, a ledger's transactions), compiled from the schemas
 * themselves.
 *
 * Why: zod parses an array element by element, each through a payload object and a copy of the
 * output, so parsing a 500-stock direct-index request cost ≈ 5 ms, more than half of everything
 * the rebalance does besides solving; most of it went to the garbage collector.
 *
 * How: `installFastPaths(root)` finds the largest arrays and records under `root` that
 * `compileCheck` (compile-check.ts) compiles and wraps their validation: a value the check
 * accepts is returned as it is, without the copy; any other value goes through zod unchanged,
 * so every message, path and code of a bad request stays zod's.
 *
 * The accepted value is the caller's object, not a copy: callers treat parsed requests as
 * read-only (the rebalance is pure, which its property tests check on frozen requests), and
 * pass JSON values (`JSON.parse` output, or documents built of plain objects and arrays).
 */
import { compileCheck, defOf, type Check, type Def, type Schema } from './compile-check.js';

/** Children of a schema that `installFastPaths` looks into, but its fields (named in paths). */
function children(def: Def): Schema[] {
  const out: Schema[] = [];
  for (const s of [def.element, def.keyType, def.valueType, def.innerType]) if (s) out.push(s);
  const d = def as Def & { options?: Schema[]; in?: Schema; out?: Schema };
  if (d.options) out.push(...d.options);
  if (d.in) out.push(d.in);
  if (d.out) out.push(d.out);
  return out;
}

/**
 * Installs the fast path on every largest compilable array or record under `root` (the schema
 * instances themselves, so every schema sharing one benefits) and returns their paths, for tests.
 */
export function installFastPaths(root: Schema, path = '$', seen = new Set<Schema>()): string[] {
  if (seen.has(root)) return [];
  seen.add(root);
  const def = defOf(root);
  if (def.type === 'array' || def.type === 'record') {
    const check = compileCheck(root);
    if (check) {
      install(root, check);
      return [path];
    }
  }
  const found: string[] = [];
  if (def.shape) {
    for (const [k, s] of Object.entries(def.shape))
      found.push(...installFastPaths(s, `${path}.${k}`, seen));
  }
  for (const s of children(def)) {
    const step = s === def.element ? '[]' : s === def.valueType ? '{}' : '';
    found.push(...installFastPaths(s, `${path}${step}`, seen));
  }
  return found;
}

const INSTALLED = Symbol('tailor.fastPath');

/** Off: every installed fast path defers to zod (tests compare the two). */
let enabled = true;

/** Turns every installed fast path on or off; returns the previous setting. For tests. */
export function setFastPaths(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

function install(schema: Schema, check: Check): void {
  const internals = schema._zod as typeof schema._zod & { [INSTALLED]?: true };
  if (internals[INSTALLED]) return;
  internals[INSTALLED] = true;
  const slow = internals.run.bind(internals);
  // zod types ctx as always given but guards it (ctx?.async) in its own parsers: so does this.
  // Encoding (direction "backward") and a payload already holding issues go to zod.
  internals.run = (payload, ctx) =>
    enabled &&
    (ctx as typeof ctx | undefined)?.direction !== 'backward' &&
    payload.issues.length === 0 &&
    check(payload.value)
      ? payload
      : slow(payload, ctx);
}
