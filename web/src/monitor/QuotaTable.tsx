import { percent, quotaShare, quotaTotals, type Progress } from './progress.ts';

/** Responses by region against the quota targets in the questionnaire's meta. */
export function QuotaTable({ rows, labels }: { rows: Progress['byRegion']; labels: Map<string, string> }) {
  const totals = quotaTotals(rows);
  return (
    <table className="data-table quota-table">
      <caption>Responses by region against quota targets{totals ? ` (${totals.reached} of ${totals.target} quota places filled)` : ' (no quota targets set)'}</caption>
      <thead><tr><th scope="col">Region</th><th scope="col">Responses</th><th scope="col">Target</th><th scope="col">Reached</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={4}>No responses yet.</td></tr>}
        {rows.map((row) => {
          const share = quotaShare(row);
          return (
            <tr key={row.region}>
              <th scope="row">{labels.get(row.region) ?? row.region}</th>
              <td>{row.responses}</td>
              <td>{row.target ?? '—'}</td>
              <td>
                {share === null ? '—' : (
                  <>
                    <meter min={0} max={1} low={0.5} high={0.99} optimum={1} value={Math.min(share, 1)} aria-label={`${labels.get(row.region) ?? row.region}: ${percent(share)} of target`} />
                    {' '}{percent(share)}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
