import type { Loadable } from './use-dataset';

export interface LoadPanelProps {
  state: Exclude<Loadable<unknown>, { status: 'ready' }>;
  /** What is being loaded, in words: "dataset index", "tag develop". */
  label: string;
  onRetry: () => void;
}

export function LoadPanel({ state, label, onRetry }: LoadPanelProps) {
  if (state.status === 'loading') {
    return (
      <div className="load-panel" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        Loading {label}…
      </div>
    );
  }
  return (
    <div className="load-panel error" role="alert">
      <h2>Could not load the {label}</h2>
      <p>
        Failed: <code>{state.what}</code>
      </p>
      <pre className="error-detail">{state.message}</pre>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
