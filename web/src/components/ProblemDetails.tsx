import type { PageMessages } from '../lib/messages.ts';
import type { SubmissionProblem } from '../offline/outbox.ts';

/** The server's own words about a refused submission: status, message and, for a 422, each field. */
export function ProblemDetails({ problem, messages }: { problem: SubmissionProblem; messages: PageMessages }) {
  return (
    <>
      <p>{messages.serverSaid} <code>{problem.status}: {problem.message}</code></p>
      {problem.details && problem.details.length > 0 && (
        <ul>
          {problem.details.map((detail) => <li key={`${detail.field}: ${detail.issue}`}><code>{detail.field}</code>: {detail.issue}</li>)}
        </ul>
      )}
    </>
  );
}
