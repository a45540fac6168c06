import { adviceFor, type PageMessages } from '../lib/messages.ts';
import type { EarlierSubmissions } from '../lib/use-earlier-submissions.ts';
import { ProblemDetails } from './ProblemDetails.tsx';

/**
 * What became of questionnaires completed on this device before: still being sent, sent now, or
 * refused by the server, each refused one with the server's message, advice and "Send again".
 */
export function EarlierSubmissionsNotice({ earlier, messages }: { earlier: EarlierSubmissions; messages: PageMessages }) {
  const { waiting, sent, needingAttention, sendAgain } = earlier;
  return (
    <>
      {waiting > 0 && <p className="notice notice-info" role="status">{messages.earlierPending(waiting)}</p>}
      {sent && waiting === 0 && <p className="notice notice-success" role="status">{messages.earlierSent}</p>}
      {needingAttention.length > 0 && (
        <div className="notice notice-error notice-attention" role="alert">
          <p><strong>{messages.earlierAttention(needingAttention.length)}</strong></p>
          <ul className="attention-list">
            {needingAttention.map((entry) => (
              <li key={entry.submission.id}>
                <ProblemDetails problem={entry.problem!} messages={messages} />
                <p>{adviceFor(messages, entry.problem!.status, entry.interview ?? false)}</p>
                <button type="button" onClick={() => sendAgain(entry.submission.id)}>{messages.sendAgain}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
