import { useEffect, useState, type ReactElement } from 'react';
import { copyText } from '../../lib/clipboard';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy hash abc1234". */
  label: string;
  /** `copy` for a value, `command` for a shell command. */
  icon?: 'copy' | 'command';
}

const iconOf = (path: ReactElement) => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    {path}
  </svg>
);

/**
 * Drawn inline, so the icon never depends on a font having a glyph (and no icon font is fetched). Made
 * once: React skips an element it has already rendered, so a table's rows (two buttons each, whose
 * labels change with every keystroke's result) do not diff their icons again.
 */
const ICONS = {
  copy: iconOf(
    <path
      d="M5 1.5h8.5v9H11M2.5 5h8.5v9.5H2.5z"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinejoin="round"
    />,
  ),
  command: iconOf(
    <path d="M2 3.5l5 4.5-5 4.5M8.5 13h6" fill="none" stroke="currentColor" strokeWidth="1.6" />,
  ),
  done: iconOf(<path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="1.8" />),
};

export function CopyButton({ text, label, icon = 'copy' }: CopyButtonProps) {
  // The outcome remembers which text it was for: a virtualised table reuses a row's button for another
  // spec, which must not show the previous spec's "Copied".
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const state = outcome?.text !== text ? 'idle' : outcome.ok ? 'copied' : 'failed';
  // The outcome shows for a moment. The timer goes with the button: a button removed meanwhile (a row
  // scrolled away, a panel closed) leaves no timer behind to set the state of an unmounted component.
  useEffect(() => {
    if (!outcome) return undefined;
    const timer = window.setTimeout(() => setOutcome(null), 1500);
    return () => window.clearTimeout(timer);
  }, [outcome]);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      onClick={(e) => {
        // A copy is not a row selection.
        e.stopPropagation();
        void copyText(text).then((ok) => setOutcome({ text, ok }));
      }}
    >
      {ICONS[state === 'copied' ? 'done' : icon]}
    </button>
  );
}
