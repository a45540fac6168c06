import { useCallback, useEffect, useState } from 'react';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import type { Progress } from './progress.ts';

/** How often the monitor asks again while fieldwork is open. */
export const REFRESH_MS = 10_000;

/** The survey's fieldwork progress, fetched now and again every REFRESH_MS while fieldwork runs and the tab is visible. */
export function useProgress(slug: string) {
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [updatedAt, setUpdatedAt] = useState<Date | undefined>();

  const load = useCallback(async () => {
    try {
      setProgress(await staffFetch<Progress>(`/api/surveys/${encodeURIComponent(slug)}/progress`));
      setUpdatedAt(new Date());
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof RequestError ? failure.message : 'The figures could not be refreshed (no connection?). Retrying.');
    }
  }, [slug]);

  useEffect(() => { void load(); }, [load]);
  const running = progress?.status !== 'closed';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  return { progress, error, updatedAt, refresh: load };
}
