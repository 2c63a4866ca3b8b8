/**
 * Runs started over HTTP go on in this process, one at a time: the run is created (so its id
 * can be answered at once, 202) and then carried by src/batch's runBook as a resumed run. Its
 * progress fans out to every follower (the SSE streams); a follower arriving after the end is
 * told at once.
 */
import {
  checkSelection,
  latestPriceDate,
  runBook,
  selectHouseholds,
  type RunProgress,
  type Selection,
  type SelectionProblem,
} from '../../batch/index.js';
import { createRun, finishRun, loadMarketSnapshot, type Db } from '../../store/index.js';
import type { RunProgressEvent } from '../contract/index.js';

/** What a follower is told: progress as it comes, then the end (with an error, or null). */
export interface RunFollower {
  progress(p: RunProgressEvent): void;
  end(error: string | null): void;
}

/** A run started (its id), or why not. */
export type StartOutcome =
  | { ok: true; id: string }
  | { ok: false; code: 'busy' | 'noPrices'; message: string }
  | { ok: false; code: 'badSelection'; message: string; field: SelectionProblem['field'] };

/** What following a run found: carried here, ended here, or neither. */
export type Following =
  | { kind: 'active'; progress: RunProgressEvent; stop: () => void }
  | { kind: 'ended'; error: string | null }
  | { kind: 'elsewhere' };

interface ActiveRun {
  id: string | null;
  progress: RunProgressEvent;
  followers: Set<RunFollower>;
}

/** Runs remembered after their end, for followers who come late with an error to tell. */
const REMEMBERED = 200;

/** The one run this server carries at a time, and its followers. */
export class RunManager {
  private active: ActiveRun | null = null;
  private carrying: Promise<void> = Promise.resolve();
  private readonly ended = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly threads: number,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Starts a run, unless one is in progress. */
  async start(
    request: { selection: Selection; asOf?: string; customizationCosts?: boolean },
    actor: string,
  ): Promise<StartOutcome> {
    if (this.active)
      return {
        ok: false,
        code: 'busy',
        message: `run ${this.active.id ?? '(starting)'} is in progress; wait for it to finish (GET /v1/runs/${this.active.id ?? ':id'}/events)`,
      };
    const run: ActiveRun = {
      id: null,
      progress: { done: 0, total: 0, gated: 0, errors: 0 },
      followers: new Set(),
    };
    this.active = run;
    try {
      const asOf = request.asOf ?? (await latestPriceDate(this.db));
      if (asOf === undefined) {
        this.active = null;
        return {
          ok: false,
          code: 'noPrices',
          message: 'the store holds no prices: import a feed or build the demo firm first',
        };
      }
      const problem = await checkSelection(this.db, request.selection);
      if (problem) {
        this.active = null;
        return { ok: false, code: 'badSelection', ...problem };
      }
      const snap = await loadMarketSnapshot(this.db, asOf);
      const households = await selectHouseholds(this.db, request.selection, snap);
      run.id = await createRun(this.db, {
        asOf,
        selection: request.selection,
        householdIds: households,
        startedBy: actor,
      });
      run.progress.total = households.length;
    } catch (error) {
      this.active = null;
      throw error;
    }
    this.carrying = this.carry(run, run.id, request, actor);
    return { ok: true, id: run.id };
  }

  private async carry(
    run: ActiveRun,
    id: string,
    request: { selection: Selection; customizationCosts?: boolean },
    actor: string,
  ): Promise<void> {
    let error: string | null = null;
    try {
      await runBook(this.db, {
        selection: request.selection,
        resume: id,
        threads: this.threads,
        actor,
        ...(request.customizationCosts ? { customizationCosts: true } : {}),
        onProgress: (p: RunProgress) => {
          run.progress = { done: p.done, total: p.total, gated: p.gated, errors: p.errors };
          for (const f of run.followers) f.progress(run.progress);
        },
      });
    } catch (cause) {
      this.log(`run ${id} failed`, cause);
      error = `the run failed; the server log says why (run ${id})`;
      await finishRun(this.db, id, 'failed', actor).catch((e: unknown) =>
        this.log(`run ${id}: could not mark it failed`, e),
      );
    }
    this.ended.set(id, error);
    if (this.ended.size > REMEMBERED) this.ended.delete(this.ended.keys().next().value!);
    this.active = null;
    for (const f of run.followers) f.end(error);
  }

  /** Follows a run: its progress while this process carries it, or how it ended. */
  follow(id: string, follower: RunFollower): Following {
    const run = this.active;
    if (run?.id === id) {
      run.followers.add(follower);
      return { kind: 'active', progress: run.progress, stop: () => run.followers.delete(follower) };
    }
    if (this.ended.has(id)) return { kind: 'ended', error: this.ended.get(id) ?? null };
    return { kind: 'elsewhere' };
  }

  /** Resolves when no run is in progress (tests; shutdown). */
  async idle(): Promise<void> {
    await this.carrying;
  }
}
