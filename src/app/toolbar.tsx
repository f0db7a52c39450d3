import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useState } from 'react';
import { ColumnMenu } from '../components/spec-table/column-menu';
import type { ColumnId } from '../components/spec-table/columns';
import type { RowOrder } from '../data/engine/row-order';
import { toCsv, toJson } from '../data/export';
import type { SpecTable } from '../data/spec-table';
import { copyText } from '../lib/clipboard';
import type { ViewMode } from '../url/view-state';

export interface ToolbarProps {
  view: ViewMode;
  onViewChange: (view: ViewMode) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (column: ColumnId, visible: boolean) => void;
  table: SpecTable;
  rows: RowOrder;
  /** Base of export file names, e.g. the tag. */
  fileStem: string;
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoke after the click has been handled; the download keeps its own reference.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Toolbar(props: ToolbarProps) {
  const { view, onViewChange, table, rows, fileStem } = props;
  const [linkState, setLinkState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="toolbar" role="toolbar" aria-label="View">
      <div className="segmented" role="group" aria-label="Show">
        {(['specs', 'packages'] as const).map((mode) => (
          <button key={mode} type="button" aria-pressed={view === mode} onClick={() => onViewChange(mode)}>
            {mode === 'specs' ? 'Specs' : 'Packages'}
          </button>
        ))}
      </div>
      {view === 'specs' ? (
        <ColumnMenu visibility={props.columnVisibility} onChange={props.onColumnVisibilityChange} />
      ) : null}
      <button type="button" onClick={() => download(toCsv(table, rows), `${fileStem}.csv`, 'text/csv')}>
        Export CSV
      </button>
      <button
        type="button"
        onClick={() => download(toJson(table, rows), `${fileStem}.json`, 'application/json')}
      >
        Export JSON
      </button>
      <button
        type="button"
        onClick={() =>
          void copyText(window.location.href).then((ok) => {
            setLinkState(ok ? 'copied' : 'failed');
            window.setTimeout(() => setLinkState('idle'), 2000);
          })
        }
      >
        {linkState === 'copied' ? 'Link copied' : linkState === 'failed' ? 'Copy failed' : 'Copy link'}
      </button>
    </div>
  );
}
