import { formatValue, type IndicatorTable } from './types.ts';

interface Props {
  table: IndicatorTable;
  /** The dimensions broken down by, in order; empty for the whole sample. */
  by: string[];
  /** Labels of dimension values from the questionnaire (dimension → value → label). */
  labels: Record<string, Record<string, string>>;
}

/** Estimates with 95% intervals, n, effective n and design effect; suppressed and unreliable cells marked. */
export function EstimateTable({ table, by, labels }: Props) {
  const indicator = table.indicators[0];
  if (!indicator) return null;
  const rows = table.estimates.filter((row) => row.indicator === indicator.id && Object.keys(row.groups).length === by.length);
  const minN = table.suppression?.minN;
  return (
    <table className="data-table estimates">
      <caption>{indicator.label}{table.filters.wave ? `, wave ${table.filters.wave.join(', ')}` : ''} ({table.filters.weighting} weights)</caption>
      <thead>
        <tr>
          {by.length === 0 ? <th scope="col">Group</th> : by.map((dimension) => <th key={dimension} scope="col">{dimension}</th>)}
          <th scope="col">Estimate</th><th scope="col">95% interval</th><th scope="col">n</th><th scope="col">Effective n</th><th scope="col">Design effect</th><th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={JSON.stringify(row.groups)} className={row.flag ? `flag-${row.flag}` : undefined}>
            {by.length === 0 ? <td>All respondents</td> : by.map((dimension) => <td key={dimension}>{labels[dimension]?.[row.groups[dimension] ?? ''] ?? row.groups[dimension]}</td>)}
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
        ))}
      </tbody>
    </table>
  );
}
