import type { DeliveryState } from '../lib/deliver.ts';
import { adviceFor, type PageMessages } from '../lib/messages.ts';
import { ProblemDetails } from './ProblemDetails.tsx';

interface Props {
  state: DeliveryState;
  messages: PageMessages;
  interview: boolean;
  /** The questionnaire's own end message (a screen-out: declined, under 18 …), shown instead of our thanks. */
  endMessageHtml?: string;
  onRetryNow: () => void;
  onSendAgain: () => void;
}

/**
 * Tells the respondent where their completed answers are: being sent, waiting to retry, saved, or
 * refused by the server (needs attention, with the server's message and what to do about it).
 */
export function DeliveryNotice({ state, messages, interview, endMessageHtml, onRetryNow, onSendAgain }: Props) {
  switch (state.kind) {
    case 'sending':
      return <p className="notice notice-info" role="status">{messages.sending}</p>;
    case 'waiting':
      return (
        <div className="notice notice-error" role="alert">
          <p>{messages.waiting(state.retryInSeconds)}</p>
          <button type="button" onClick={onRetryNow}>{messages.tryNow}</button>
        </div>
      );
    case 'stored':
      // A screened-out contact is thanked in the questionnaire's words, not told "your answers
      // have been saved"; an enumerator is still told the record is stored.
      if (endMessageHtml) return interview ? <p className="notice notice-success" role="status">{messages.interviewSaved}</p> : null;
      return (
        <div className="notice notice-success" role="status">
          <h2>{messages.thanks}</h2>
          <p>{messages.thanksDetail}</p>
        </div>
      );
    case 'signed-out':
      return (
        <div className="notice notice-info" role="status">
          <p>{messages.waitingForSignIn}</p>
          <p><a href={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`}>{messages.signInAgain}</a></p>
        </div>
      );
    case 'attention':
      return (
        <div className="notice notice-error notice-attention" role="alert">
          <p><strong>{messages.attention}</strong></p>
          <ProblemDetails problem={state.problem} messages={messages} />
          <p>{adviceFor(messages, state.problem.status, interview)}</p>
          <button type="button" onClick={onSendAgain}>{messages.sendAgain}</button>
        </div>
      );
  }
}
