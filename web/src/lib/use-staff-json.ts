import { useEffect, useState } from 'react';
import { RequestError } from './api.ts';
import { staffFetch } from './staff-api.ts';

/**
 * GETs `path` as the signed-in user whenever it changes: the latest answer, or the server's
 * message (else `fallbackError`) when it fails. Only the latest path may fill the state: an
 * earlier, slower answer is dropped, so a panel never shows the table of a previous choice.
 */
export function useStaffJson<T>(path: string, fallbackError: string): { data: T | undefined; error: string | undefined } {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    setError(undefined);
    staffFetch<T>(path).then((loaded) => {
      if (current) setData(loaded);
    }, (failure: unknown) => {
      if (!current) return;
      setData(undefined);
      setError(failure instanceof RequestError ? failure.message : fallbackError);
    });
    return () => {
      current = false;
    };
  }, [path]);
  return { data, error };
}
