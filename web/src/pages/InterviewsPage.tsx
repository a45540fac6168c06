import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { QueuePanel } from '../offline/QueuePanel.tsx';
import { useQueueStatus } from '../offline/use-queue-status.ts';
import { staffFetch } from '../lib/staff-api.ts';
import { keepForOffline } from '../offline/keep-for-offline.ts';
import { useSession } from '../lib/session.tsx';
import { StaffLayout } from '../staff/StaffLayout.tsx';

interface Assignment {
  slug: string;
  title: string;
  status: 'open' | 'closed';
  version: number;
}

/**
 * An enumerator's start page: assigned surveys, and this tablet's queue of interviews (counts,
 * file save and load). A survey's researchers (supervisors) use the same page to send interviews
 * from a file an enumerator saved on a tablet that cannot reach the server.
 */
export function InterviewsPage() {
  const { user } = useSession();
  return (
    <StaffLayout roles={['enumerator', 'researcher', 'admin']}>
      {user?.role === 'enumerator' ? <EnumeratorInterviews /> : <InterviewsFromAFile />}
    </StaffLayout>
  );
}

function InterviewsFromAFile() {
  const queue = useQueueStatus();
  return (
    <>
      <h1>Interviews from another device</h1>
      <p>An enumerator whose tablet cannot reach the server can save its unsent interviews to a file. Load that file here to send them: each interview keeps the enumerator who conducted it, and is stored once even if the tablet sends it too later.</p>
      {queue && <QueuePanel status={queue} />}
    </>
  );
}

function EnumeratorInterviews() {
  const [assignments, setAssignments] = useState<Assignment[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const queue = useQueueStatus();
  useEffect(() => {
    staffFetch<{ surveys: Assignment[] }>('/api/interviews').then(
      (result) => {
        setAssignments(result.surveys);
        // Everything an interview needs with no signal: who is signed in, this list, and the
        // published version of each questionnaire, kept by the service worker.
        const open = result.surveys.filter((survey) => survey.status === 'open');
        void keepForOffline(['/api/auth/me', '/api/interviews', ...open.map((survey) => `/api/surveys/${encodeURIComponent(survey.slug)}`)]);
      },
      (failure: unknown) => setError(failure instanceof RequestError ? failure.message : 'Your surveys could not be loaded.'),
    );
  }, []);
  return (
    <>
      <h1>Interviews</h1>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {assignments?.length === 0 && <p>You are not assigned to any survey yet. Ask the survey's researcher.</p>}
      <ul className="survey-list">
        {assignments?.map((assignment) => {
          const queued = queue?.entries.filter((entry) => entry.slug === assignment.slug) ?? [];
          const refused = queued.filter((entry) => entry.problem).length;
          const waiting = queued.length - refused;
          return (
            <li key={assignment.slug}>
              {assignment.status === 'open'
                ? <Link href={`/interview/${assignment.slug}`}>{assignment.title}</Link>
                : <span>{assignment.title} (fieldwork closed)</span>}
              {waiting > 0 && <span className="hint"> — {waiting} interview(s) on this device waiting to be sent</span>}
              {refused > 0 && (
                <strong className="attention-count"> — {refused} interview(s) on this device need attention: the server did not accept them. Open the survey to see why and send them again.</strong>
              )}
            </li>
          );
        })}
      </ul>
      {queue && <QueuePanel status={queue} />}
    </>
  );
}
