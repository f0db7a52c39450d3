import type { UrlNotice } from '../url/codec';

export interface UrlNoticesProps {
  notices: readonly UrlNotice[];
  onDismiss: () => void;
}

/** Parameters of the link that were ignored: said once, visibly, and dismissible. */
export function UrlNotices({ notices, onDismiss }: UrlNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="url-notices" role="region" aria-label="Link notices">
      <div>
        <strong>Notes on this link:</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={`${n.param}-${i}`}>
              <code>
                {n.param}={n.value}
              </code>{' '}
              — {n.message}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={onDismiss} aria-label="Dismiss link notices">
        ×
      </button>
    </div>
  );
}
