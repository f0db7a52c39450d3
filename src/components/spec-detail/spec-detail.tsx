import type { ReactNode } from 'react';
import { formatCompiler, formatSize, shortHash } from '../../data/display';
import { specString, type SpecDetail as Detail } from '../../data/spec-detail';
import { CopyButton } from '../ui/copy-button';

export interface SpecDetailProps {
  /** The hash asked for (URL `hash`), possibly a prefix. */
  hash: string;
  detail: Detail | null;
  /** More tags are still loading: a hash not found yet may still come, and the tag list may grow. */
  loading?: boolean;
  onSelect: (hash: string) => void;
  onClose: () => void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The per-hash panel: the whole spec, where it is, how to install it, and what it depends on. */
export function SpecDetail({ hash, detail, loading = false, onSelect, onClose }: SpecDetailProps) {
  if (!detail) {
    return (
      <aside className="spec-detail" aria-label="Spec details">
        <header>
          <h2>/{hash}</h2>
          <button type="button" className="icon-close" aria-label="Close details" onClick={onClose}>
            ×
          </button>
        </header>
        <p>
          {loading
            ? 'No spec loaded so far has this hash; the other tags are still loading.'
            : 'No loaded spec has this hash. It may be in another tag: load more tags on the left.'}
        </p>
      </aside>
    );
  }
  const r = detail.record;
  const install = `spack install /${r.hash}`;
  const spec = specString(r);
  const tarball = typeof r.extra.tarball === 'string' ? r.extra.tarball : null;
  return (
    <aside className="spec-detail" aria-label="Spec details">
      <header>
        <h2>
          {r.package}@{r.versions.join(',')} <code>/{shortHash(r.hash)}</code>
        </h2>
        <button type="button" className="icon-close" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      {detail.matches > 1 ? (
        <p className="note">
          {detail.matches} specs start with /{hash}; showing the first. Use a longer hash to pick another.
        </p>
      ) : null}
      <div className="spec-string">
        {/* A break opportunity before each `+x`/`~x`, so a long run of flags wraps between variants. */}
        <pre>
          {spec.split(/(?=[+~])/).flatMap((piece, i) => (i === 0 ? [piece] : [<wbr key={i} />, piece]))}
        </pre>
        <CopyButton text={spec} label="Copy spec" />
      </div>
      <dl>
        <Field label="Hash">
          <code className="full-hash">{r.hash}</code> <CopyButton text={r.hash} label="Copy full hash" />
        </Field>
        <Field label="Install">
          <code>{install}</code> <CopyButton text={install} label="Copy install command" icon="command" />
        </Field>
        <Field label="Compiler">{formatCompiler(r.compiler)}</Field>
        <Field label="Arch">
          {r.platform}-{r.os}-{r.target}
        </Field>
        <Field label="Variants">{r.variants.length ? r.variants.join(' ') : 'none'}</Field>
        <Field label="Stacks">{r.stacks.join(', ') || 'none'}</Field>
        <Field label="Tags">
          {detail.tags.join(', ')}
          {loading ? <span className="muted"> (other tags still loading)</span> : null}
        </Field>
        <Field label="Size">{formatSize(r.size)}</Field>
        {tarball ? (
          <Field label="Tarball">
            <a href={tarball} rel="noreferrer noopener" target="_blank">
              {tarball.split('/').pop()}
            </a>
          </Field>
        ) : null}
        {detail.other.map(([key, value]) => (
          <Field key={key} label={key}>
            <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
          </Field>
        ))}
      </dl>
      {detail.dependencies ? (
        <section aria-label="Dependencies">
          <h3>Dependencies ({detail.dependencies.length})</h3>
          <ul className="deps">
            {detail.dependencies.map((d) => (
              <li key={`${d.name}/${d.hash}`}>
                {d.loaded ? (
                  <button type="button" className="link" onClick={() => onSelect(d.hash)}>
                    {d.name}
                  </button>
                ) : (
                  <span>{d.name}</span>
                )}{' '}
                <code>/{shortHash(d.hash)}</code>
                {d.deptypes?.length ? <span className="muted"> {d.deptypes.join(', ')}</span> : null}
                {d.virtuals?.length ? <span className="muted"> provides {d.virtuals.join(', ')}</span> : null}
                {d.missing ? <span className="muted"> (not in the loaded indexes)</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
