import { useId } from 'react';

export interface QueryError {
  message: string;
  start: number;
  end: number;
}

export interface QueryBoxProps {
  /** The text in the box (the app keeps it, so back/forward can replace it). */
  text: string;
  /** The parse error of `text`, if any; the app keeps showing the last valid result meanwhile. */
  error: QueryError | null;
  onChange: (text: string) => void;
}

/**
 * A Spack spec-syntax query box. A parse error is shown inline, with the offending part of the text
 * marked at its position.
 */
export function QueryBox({ text, error, onChange }: QueryBoxProps) {
  const id = useId();
  const errorId = useId();
  const before = error ? text.slice(0, error.start) : '';
  const bad = error ? text.slice(error.start, Math.max(error.end, error.start + 1)) || ' ' : '';
  const after = error ? text.slice(Math.max(error.end, error.start + 1)) : '';
  return (
    <div className="query-box">
      <label htmlFor={id}>Spec query</label>
      <input
        id={id}
        type="search"
        spellCheck={false}
        autoComplete="off"
        placeholder="hdf5@1.14: +mpi %gcc os=ubuntu24.04 target=x86_64_v3 /3fs44sy"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={errorId} className="query-error" role="alert">
          <code className="query-echo">
            {before}
            <mark>{bad}</mark>
            {after}
          </code>
          <span>
            {error.message} (at column {error.start + 1})
          </span>
        </p>
      ) : null}
    </div>
  );
}
