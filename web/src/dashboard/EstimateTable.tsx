import { useState } from 'react';
import { formatValue, type EstimateRow, type IndicatorTable } from './types.ts';

interface Props {
  table: IndicatorTable;
  /** The dimensions broken down by, in order; empty for the whole sample. */
  by: string[];
  /** Labels of dimension values from the questionnaire (dimension → value → label). */
  labels: Record<string, Record<string, string>>;
}

/**
 * Estimates with 95% intervals, n, effective n and design effect; suppressed and unreliable cells
 * marked. A crossed breakdown (region × channel: 150 rows and more) is grouped by its first
 * dimension, one group after another under a header that stays in view, and can be narrowed to one
 * group with the filter above it.
 */
export function EstimateTable({ table, by, labels }: Props) {
  const [only, setOnly] = useState('');
  const indicator = table.indicators[0];
  if (!indicator) return null;
  const label = (dimension: string, value: string | undefined) => labels[dimension]?.[value ?? ''] ?? value ?? '';
  const rows = table.estimates.filter((row) => row.indicator === indicator.id && Object.keys(row.groups).length === by.length);
  const [outer, ...inner] = by;
  const crossed = outer !== undefined && inner.length > 0;
  const groups = crossed ? [...new Set(rows.map((row) => row.groups[outer]!))] : [];
  const shownGroups = crossed ? groups.filter((group) => only === '' || group === only) : [];
  const minN = table.suppression?.minN;
  const cells = (row: EstimateRow, dimensions: string[]) => (
    <tr key={JSON.stringify(row.groups)} className={row.flag ? `flag-${row.flag}` : undefined}>
      {dimensions.length === 0 ? <td>All respondents</td> : dimensions.map((dimension) => <td key={dimension}>{label(dimension, row.groups[dimension])}</td>)}
      <td>{row.flag === 'suppressed' ? 'suppressed' : formatValue(row.estimate, indicator.type)}</td>
      <td>{row.flag === 'suppressed' ? '' : `${formatValue(row.ciLow, indicator.type)} – ${formatValue(row.ciHigh, indicator.type)}`}</td>
      <td>{row.n}</td>
      <td>{row.nEffective === null ? '–' : row.nEffective.toFixed(0)}</td>
      <td>{row.deff === null ? '–' : row.deff.toFixed(2)}</td>
      <td>
        {row.flag === 'suppressed' && `fewer than ${minN ?? 'the minimum'} responses`}
        {row.flag === 'unreliable' && 'unreliable: small n or large relative standard error'}
      </td>
    </tr>
  );
  const headerDimensions = crossed ? inner : by;
  return (
    <>
      {crossed && (
        <label className="group-filter">Show {outer}
          <select value={only} onChange={(event) => setOnly(event.target.value)}>
            <option value="">Every {outer} ({groups.length})</option>
            {groups.map((group) => <option key={group} value={group}>{label(outer, group)}</option>)}
          </select>
        </label>
      )}
      <table className="data-table estimates">
        <caption>{indicator.label}{table.filters.wave ? `, wave ${table.filters.wave.join(', ')}` : ', all waves pooled'} ({table.filters.weighting} weights){crossed ? `, by ${by.join(' × ')}` : ''}</caption>
        <thead>
          <tr>
            {headerDimensions.length === 0 ? <th scope="col">Group</th> : headerDimensions.map((dimension) => <th key={dimension} scope="col">{dimension}</th>)}
            <th scope="col">Estimate</th><th scope="col">95% interval</th><th scope="col">n</th><th scope="col">Effective n</th><th scope="col">Design effect</th><th scope="col">Note</th>
          </tr>
        </thead>
        {crossed
          ? shownGroups.map((group) => (
            <tbody key={group}>
              <tr className="group-row"><th scope="rowgroup" colSpan={headerDimensions.length + 6}>{label(outer, group)}</th></tr>
              {rows.filter((row) => row.groups[outer] === group).map((row) => cells(row, inner))}
            </tbody>
          ))
          : <tbody>{rows.map((row) => cells(row, by))}</tbody>}
      </table>
    </>
  );
}
