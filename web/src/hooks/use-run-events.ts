/**
 * Follows a running run through its server-sent events (`progress` while households finish,
 * then `done` with the finished run). The browser's EventSource sends the session cookie on
 * its own; when the stream breaks, `lost` tells the page to poll instead.
 */
import { useEffect, useState } from 'react';
import { runEventsUrl } from '../api/runs-api';
import type { RunDoneEvent, RunProgressEvent } from '../api/types';

/** What {@link useRunEvents} answers. */
export interface RunEvents {
  progress: RunProgressEvent | null;
  /** The `done` event's data: the finished run, and what went wrong if it failed. */
  done: RunDoneEvent | null;
  /** Set when the stream broke before `done`. */
  lost: boolean;
}

function parse<T>(e: MessageEvent<string>, has: string): T | null {
  try {
    const x: unknown = JSON.parse(e.data);
    return typeof x === 'object' && x !== null && has in x ? (x as T) : null;
  } catch {
    return null;
  }
}

/** Subscribes while `active`; unsubscribes on unmount. */
export function useRunEvents(id: string, active: boolean): RunEvents {
  const [progress, setProgress] = useState<RunProgressEvent | null>(null);
  const [done, setDone] = useState<RunDoneEvent | null>(null);
  const [lost, setLost] = useState(false);

  useEffect(() => {
    if (!active) return;
    const source = new EventSource(runEventsUrl(id));
    source.addEventListener('progress', (e) => {
      const p = parse<RunProgressEvent>(e, 'done');
      if (p) setProgress(p);
    });
    source.addEventListener('done', (e) => {
      setDone(parse<RunDoneEvent>(e, 'summary'));
      source.close();
    });
    source.onerror = () => {
      // EventSource would retry forever; the run may be over or the session may have ended.
      source.close();
      setLost(true);
    };
    return () => source.close();
  }, [id, active]);

  return { progress, done, lost };
}
