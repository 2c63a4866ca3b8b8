/**
 * A run started over HTTP: 202 with its id, progress streamed as server-sent events, then
 * `done` with the run's summary; one run at a time; a late follower gets `done` at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirm, type FirmData } from '../store/index.js';
import type { ErrorBody, RunDoneEvent, RunProgressEvent, RunView } from './contract/index.js';
import { as, openTestApp, type TestApp } from './testing/test-app.js';

/** 40 more one-account households, so the run lasts long enough to be followed. */
function moreHouseholds(): FirmData {
  const ids = Array.from({ length: 40 }, (_, i) => `HX${String(i).padStart(2, '0')}`);
  return {
    households: ids.map((id) => ({
      id,
      name: id,
      advisor: 'carol',
      shortTermRate: '0.3',
      longTermRate: '0.15',
    })),
    accounts: ids.map((id) => ({
      id: `${id}-TAX`,
      householdId: id,
      taxStatus: 'taxable' as const,
      modelId: 'balanced',
      cash: '1000',
    })),
    lots: ids.map((id, i) => ({
      accountId: `${id}-TAX`,
      id: 'L1',
      securityId: 'VTI',
      quantity: String(10 + i),
      costBasis: '2500',
      acquired: '2022-01-03',
    })),
  };
}

/** The events of a finished stream, in order. */
async function events(res: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim() ?? '';
      return { event: field('event'), data: JSON.parse(field('data')) as unknown };
    });
}

describe('runs over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    await writeFirm(t.store.db, moreHouseholds(), 'loader');
  });
  afterAll(async () => t?.close());

  it('starts a run, streams its progress and ends with done', async () => {
    const started = await t.app.request(
      '/v1/runs',
      as(t, 'pm', 'POST', { selection: { kind: 'all' } }),
    );
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const busy = await t.app.request(
      '/v1/runs',
      as(t, 'admin', 'POST', { selection: { kind: 'all' } }),
    );
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: { reason: string } }).error.reason).toBe('busy');
    const stream = await t.app.request(`/v1/runs/${id}/events`, as(t, 'viewer'));
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const got = await events(stream);
    const progress = got
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as RunProgressEvent);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.total).toBe(43);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    expect(got.at(-1)!.event).toBe('done');
    const done = got.at(-1)!.data as RunDoneEvent;
    expect(done.error).toBeNull();
    expect(done.summary).toMatchObject({ id, status: 'done', startedBy: 'pm1' });
    expect(done.summary.summary.proposalsWritten).toBe(43);
    expect(done.summary.book?.accounts).toBeGreaterThan(0);
  });

  it('tells a follower who comes after the end that it is done, at once', async () => {
    await t.idle();
    const [run] = (
      (await (await t.app.request('/v1/runs', as(t, 'trader'))).json()) as { items: RunView[] }
    ).items;
    const got = await events(await t.app.request(`/v1/runs/${run!.id}/events`, as(t, 'trader')));
    expect(got.map((e) => e.event)).toEqual(['done']);
    expect((got[0]!.data as RunDoneEvent).summary.status).toBe('done');
    expect((await t.app.request(`/v1/runs/nope/events`, as(t, 'trader'))).status).toBe(404);
  });

  it('runs past the latest prices as the CLI does, and refuses a bad selection or an unknown household', async () => {
    const res = await t.app.request(
      '/v1/runs',
      as(t, 'pm', 'POST', { selection: { kind: 'advisor', advisor: 'carol' }, asOf: '2026-11-25' }),
    );
    // A date past the prices still runs (households are gated for stale prices), as the CLI does.
    expect(res.status).toBe(202);
    await t.idle();
    const bad = await t.app.request(
      '/v1/runs',
      as(t, 'pm', 'POST', { selection: { kind: 'trigger', trigger: 'sometimes' } }),
    );
    expect(bad.status).toBe(400);
    const unknown = await t.app.request(
      '/v1/runs',
      as(t, 'pm', 'POST', { selection: { kind: 'households', households: ['H1', 'H404'] } }),
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.problems).toEqual([
      {
        path: ['selection', 'households'],
        code: 'unknown_reference',
        message: expect.stringContaining('no household H404 in the book'),
      },
    ]);
  });
});
