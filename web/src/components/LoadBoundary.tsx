import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of a blank page when a lazily loaded part of the page could not be fetched. */
  failed: ReactNode;
  children: ReactNode;
}

/**
 * Catches a failed lazy load (SurveyJS's file lost to a dropped connection on a first visit) so
 * the page says what happened instead of going blank; React unmounts the whole tree otherwise.
 */
export class LoadBoundary extends Component<Props, { error: boolean }> {
  override state = { error: false };

  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }

  override render(): ReactNode {
    return this.state.error ? this.props.failed : this.props.children;
  }
}
