import type { Loadable } from './use-dataset';

export interface LoadPanelProps {
  state: Exclude<Loadable<unknown>, { status: 'ready' }>;
  /** What is being loaded, in words: "dataset index", "tag develop". */
  label: string;
  onRetry: () => void;
  /** Bytes received of the bytes expected, while loading shards and hash-pool chunks. */
  progress?: { loaded: number; total: number } | null;
  /** A slim bar above rows already shown, rather than a panel in their place. */
  compact?: boolean;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0);
}

export function LoadPanel({ state, label, onRetry, progress, compact = false }: LoadPanelProps) {
  if (state.status === 'loading') {
    return (
      <div className={compact ? 'load-panel compact' : 'load-panel'} aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <span>Loading {label}…</span>
        {progress && progress.total > 0 ? (
          <>
            <progress value={progress.loaded} max={progress.total} aria-label={`Loading ${label}`} />
            <span className="muted">
              {megabytes(progress.loaded)} of {megabytes(progress.total)} MB
            </span>
          </>
        ) : null}
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
