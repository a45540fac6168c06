/**
 * Whether a questionnaire is being answered on this page right now (shown, not yet completed).
 * The update notice waits while it is: a new app version is never applied in the middle of an
 * interview, only between two.
 */
type Listener = (inProgress: boolean) => void;

let inProgress = false;
const listeners = new Set<Listener>();

export function setQuestionnaireInProgress(value: boolean): void {
  if (value === inProgress) return;
  inProgress = value;
  listeners.forEach((listener) => listener(value));
}

export function isQuestionnaireInProgress(): boolean {
  return inProgress;
}

export function onQuestionnaireInProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
