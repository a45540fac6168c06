/**
 * Tells every open page of this app (tabs included) that the outbox changed, so counts such as
 * "3 interviews waiting to be sent" stay true without polling.
 */
const CHANNEL = 'trustlens-outbox';
const local = new EventTarget();
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
channel?.addEventListener('message', () => local.dispatchEvent(new Event('change')));

export function notifyOutboxChanged(): void {
  local.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}

/** Calls `listener` after every change; returns the function that stops listening. */
export function onOutboxChanged(listener: () => void): () => void {
  local.addEventListener('change', listener);
  return () => local.removeEventListener('change', listener);
}
