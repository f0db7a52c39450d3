import type { UrlNotice } from '../url/codec';

export interface UrlNoticesProps {
  notices: readonly UrlNotice[];
  onDismiss: () => void;
}

/**
 * Parameters of the link that were ignored: said once, visibly, and dismissible. A link can name dozens of
 * tags a dataset does not have, so the list scrolls in a box of a few lines rather than pushing the table
 * off the screen, and the heading says how many notes there are.
 */
export function UrlNotices({ notices, onDismiss }: UrlNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="url-notices" role="region" aria-label="Link notices">
      <div>
        <strong>Notes on this link{notices.length > 1 ? ` (${notices.length} notes)` : ''}:</strong>
        {/* Focusable so that a keyboard can scroll a long list. */}
        <ul tabIndex={0}>
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
