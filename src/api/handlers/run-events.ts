/**
 * `GET /v1/runs/:id/events`: server-sent events — `progress` `{ done, total, gated, errors }`
 * as the run writes proposals, then `done` `{ summary, error }`, and the stream ends. A run
 * that already ended, or that this server is not carrying, gets `done` at once.
 */
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { RunDoneEvent, RunProgressEvent } from '../contract/index.js';
import { notFound, type Reply } from '../reply.js';
import type { RouteContext } from '../route-types.js';
import { runView } from './runs.js';

/** `GET /v1/runs/:id/events`. */
export async function runEventsHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const db = ctx.state.store.db;
  if (!(await runView(db, id))) return notFound('run', id);
  return streamSSE(ctx.c, async (stream: SSEStreamingApi) => {
    const done = async (error: string | null): Promise<void> => {
      const data: RunDoneEvent = { summary: (await runView(db, id))!, error };
      await stream.writeSSE({ event: 'done', data: JSON.stringify(data) });
    };
    const progress = (p: RunProgressEvent): Promise<void> =>
      stream.writeSSE({ event: 'progress', data: JSON.stringify(p) });
    let finish: (error: string | null) => void = () => undefined;
    const ended = new Promise<string | null>((resolve) => (finish = resolve));
    let chain = Promise.resolve();
    const following = ctx.state.runs.follow(id, {
      // Written in order, one at a time: a stream interleaving two writes would garble both.
      progress: (p) => void (chain = chain.then(() => progress(p))),
      end: (error) => finish(error),
    });
    if (following.kind === 'ended') return done(following.error);
    if (following.kind === 'elsewhere') return done(null);
    stream.onAbort(() => finish(null));
    chain = chain.then(() => progress(following.progress));
    const error = await ended;
    following.stop();
    await chain.catch(() => undefined);
    if (!stream.aborted) await done(error);
  });
}
