/**
 * `/v1/runs`: runs with their counts and book tally, and starting one (it goes on in the server;
 * follow it at `/v1/runs/:id/events`). A run keeps its tally as it finishes (src/batch
 * run-tally.ts), wherever it ran.
 */
import type { z } from 'zod';
import { keepRunTally, type Selection } from '../../batch/index.js';
import { getRunLine, listRunPage, type Db, type RunLine } from '../../store/index.js';
import type { BookTally, PageQuerySchema, RunStartRequest, RunView } from '../contract/index.js';
import { conflict, invalid, notFound, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

/** The run as the API shows it. */
export function runViewOf(line: RunLine): RunView {
  const r = line.run;
  return {
    id: r.id,
    asOf: r.asOf,
    status: r.status,
    selection: r.selection,
    startedBy: r.startedBy,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    summary: line.counts,
    book: line.book === null ? null : (line.book as unknown as BookTally),
  };
}

/**
 * A finished run without a kept tally (finished before runs kept theirs) gets one summed from
 * its proposals, kept from then on.
 */
async function tallied(db: Db, line: RunLine): Promise<RunLine> {
  if (line.book !== null || line.run.status !== 'done') return line;
  const book = await keepRunTally(db, line.run.id, null);
  return { ...line, book: { ...book } };
}

/** `GET /v1/runs`. */
export async function listRunsHandler(
  ctx: RouteContext<z.output<typeof PageQuerySchema>, undefined>,
): Promise<Reply> {
  const page = await listRunPage(ctx.state.store.db, ctx.query);
  return ok({ items: page.items.map(runViewOf), total: page.total });
}

/** The run's view, its tally summed if it has none yet; undefined for an unknown run. */
export async function runView(db: Db, id: string): Promise<RunView | undefined> {
  const line = await getRunLine(db, id);
  return line ? runViewOf(await tallied(db, line)) : undefined;
}

/** `GET /v1/runs/:id`. */
export async function runHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const view = await runView(ctx.state.store.db, id);
  return view ? ok(view) : notFound('run', id);
}

/** `POST /v1/runs`: 202 with the id, 409 while another run is in progress. */
export async function startRunHandler(
  ctx: RouteContext<undefined, RunStartRequest>,
): Promise<Reply> {
  const b = ctx.body;
  const started = await ctx.state.runs.start(
    {
      selection: b.selection as Selection,
      ...(b.asOf !== undefined ? { asOf: b.asOf } : {}),
      ...(b.customizationCosts ? { customizationCosts: true } : {}),
    },
    caller(ctx).username,
  );
  if (!started.ok && started.code === 'badSelection')
    return invalid([
      { path: ['selection', started.field], code: 'unknown_reference', message: started.message },
    ]);
  if (!started.ok) return conflict(started.message, started.code);
  return ok({ id: started.id }, 202);
}
