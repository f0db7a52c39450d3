import { formatCompiler, formatCount } from '../../data/display';
import type { PackageSummary } from '../../data/package-summary';

export interface PackageTableProps {
  packages: readonly PackageSummary[];
  /** Open the spec view filtered to this package. */
  onOpen: (pkg: string) => void;
}

const MAX_LISTED = 6;

function List({
  values,
  format = (v: string) => v,
}: {
  values: readonly string[];
  format?: (v: string) => string;
}) {
  const shown = values.slice(0, MAX_LISTED).map(format);
  const rest = values.length - shown.length;
  return (
    <span title={values.map(format).join(', ')}>
      {shown.join(', ')}
      {rest > 0 ? <span className="more"> +{rest} more</span> : null}
    </span>
  );
}

/** One row per package (specs, versions, compilers, targets, stacks), like cache.spack.io's table. */
export function PackageTable({ packages, onOpen }: PackageTableProps) {
  return (
    <div className="package-table-scroll">
      <table className="package-table" aria-label="Packages">
        <thead>
          <tr>
            <th scope="col">Package</th>
            <th scope="col" className="num">
              Specs
            </th>
            <th scope="col">Versions</th>
            <th scope="col">Compilers</th>
            <th scope="col">Targets</th>
            <th scope="col">Stacks</th>
          </tr>
        </thead>
        <tbody>
          {packages.map((p) => (
            <tr key={p.package}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(p.package)}>
                  {p.package}
                </button>
              </th>
              <td className="num">{formatCount(p.specs)}</td>
              <td>
                <List values={p.versions} />
              </td>
              <td>
                <List values={p.compilers} format={formatCompiler} />
              </td>
              <td>
                <List values={p.targets} />
              </td>
              <td>
                <List values={p.stacks.filter((s) => s !== 'root')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {packages.length === 0 ? <p className="empty">No packages match these filters.</p> : null}
    </div>
  );
}
