/** Run calls. */
import { get, post } from './client';
import type { RunList, RunStarted, RunStartRequest, RunView } from './types';

/** Runs, newest first. */
export const listRuns = (): Promise<RunList> => get<RunList>('/v1/runs', { limit: 200 });

/** One run with its counts and tally. */
export const getRun = (id: string): Promise<RunView> =>
  get<RunView>(`/v1/runs/${encodeURIComponent(id)}`);

/** Starts a run; it goes on in the server. */
export const startRun = (input: RunStartRequest): Promise<RunStarted> =>
  post<RunStarted>('/v1/runs', input);

/** The URL of a run's server-sent events. */
export const runEventsUrl = (id: string): string => `/v1/runs/${encodeURIComponent(id)}/events`;
