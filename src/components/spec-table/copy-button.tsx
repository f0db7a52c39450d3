import { useState } from 'react';
import { copyText } from '../../lib/clipboard';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy hash abc1234". */
  label: string;
  symbol: string;
}

export function CopyButton({ text, label, symbol }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      onClick={(e) => {
        // A copy is not a row selection.
        e.stopPropagation();
        void copyText(text).then((ok) => {
          setState(ok ? 'copied' : 'failed');
          window.setTimeout(() => setState('idle'), 1500);
        });
      }}
    >
      {state === 'copied' ? '✓' : symbol}
    </button>
  );
}
