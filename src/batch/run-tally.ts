/**
 * A run's book tally, kept once it is done. `runBook` keeps it as it finishes; a run resumed
 * after a crash, or finished before tallies were kept, is summed from its proposals instead,
 * since the call that finished it saw only part of the run.
 */
import { runResponses, saveRunReport, type Db } from '../store/index.js';
import { addToTally, emptyTally, type BookTally } from './book-tally.js';

/** Proposals read per query when summing a run. */
const PAGE = 500;

/** The tally of every proposal of the run, read from the store page by page. */
export async function tallyRunProposals(db: Db, runId: string): Promise<BookTally> {
  const book = emptyTally();
  for (let after = ''; ;) {
    const page = await runResponses(db, runId, after, PAGE);
    for (const p of page) addToTally(book, p.response);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return book;
}

/**
 * Keeps the tally of a finished run: `seen`, when the caller's tally covers every proposal
 * of the run, otherwise one summed from the store. A second write for the run is ignored.
 */
export async function keepRunTally(
  db: Db,
  runId: string,
  seen: BookTally | null,
): Promise<BookTally> {
  const book = seen ?? (await tallyRunProposals(db, runId));
  await saveRunReport(db, runId, { ...book });
  return book;
}
