import type { DeliveryState } from '../lib/deliver.ts';
import type { PageMessages } from '../lib/messages.ts';

interface Props {
  state: DeliveryState;
  messages: PageMessages;
  onRetryNow: () => void;
}

/** Tells the respondent where their completed answers are: being sent, waiting to retry, saved, or refused. */
export function DeliveryNotice({ state, messages, onRetryNow }: Props) {
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
      return (
        <div className="notice notice-success" role="status">
          <h2>{messages.thanks}</h2>
          <p>{messages.thanksDetail}</p>
        </div>
      );
    case 'rejected':
      return (
        <div className="notice notice-error" role="alert">
          <p>{messages.rejected}</p>
          <p><code>{state.message}</code></p>
          {state.details && (
            <ul>
              {state.details.map((detail) => <li key={detail.field}><code>{detail.field}</code>: {detail.issue}</li>)}
            </ul>
          )}
        </div>
      );
  }
}
