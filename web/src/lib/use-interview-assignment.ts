import { useEffect, useState } from 'react';
import { staffFetch } from './staff-api.ts';

/** Whether the signed-in enumerator may interview for a survey: known only once the server has said. */
export type AssignmentCheck = 'checking' | 'assigned' | 'not-assigned' | 'unknown';

/**
 * Asks the server (GET /api/interviews) whether the signed-in enumerator is assigned to `slug`, so
 * the interview page can refuse before an interview starts rather than after it is completed
 * (the server would answer 403). When the list cannot be had (no connection), the answer is
 * 'unknown' and the interview goes ahead: a tablet without signal must still work, and a refusal
 * then comes back as "needs attention". Residents' pages (`enabled` false) skip the check.
 */
export function useInterviewAssignment(slug: string, enabled: boolean): AssignmentCheck {
  const [check, setCheck] = useState<AssignmentCheck>(enabled ? 'checking' : 'assigned');
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setCheck('checking');
    staffFetch<{ surveys: { slug: string }[] }>('/api/interviews').then(
      (result) => current && setCheck(result.surveys.some((survey) => survey.slug === slug) ? 'assigned' : 'not-assigned'),
      () => current && setCheck('unknown'),
    );
    return () => {
      current = false;
    };
  }, [slug, enabled]);
  return check;
}
