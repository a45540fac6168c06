import { useStaffJson } from '../lib/use-staff-json.ts';
import { formatP } from './model-types.ts';

/** One wave's estimate in GET /api/surveys/:slug/targets (api/indicators/target-table.ts). */
interface WaveEstimate { wave: number; estimate: number | null; ciLow: number | null; ciHigh: number | null; n: number; flag: 'suppressed' | 'unreliable' | null }
interface TargetRow {
  indicator: string; label: string; type: string; direction: 'increase' | 'decrease'; target: number; year: number;
  baseline: WaveEstimate | null; latest: WaveEstimate | null;
  change: { difference: number | null; ciLow: number | null; ciHigh: number | null; pValue: number | null } | null;
  status: string | null; note: string | null;
}
interface TargetTable { latestWave: number | null; targets: TargetRow[] }

/** Shares in percent, their changes in percentage points, as the report shows them. */
const shown = (value: number | null, type: string, change = false) => {
  if (value === null) return '–';
  if (type === 'share' || type === 'net') return `${(value * 100).toFixed(1)}${type === 'share' && !change ? '%' : ''}`;
  return value.toFixed(2);
};
const range = (low: number | null, high: number | null, type: string, change = false) => (low === null || high === null ? '' : `${shown(low, type, change)} to ${shown(high, type, change)}`);

function Estimate({ entry, type }: { entry: WaveEstimate | null; type: string }) {
  if (!entry) return <><td>no responses</td><td /></>;
  if (entry.flag === 'suppressed') return <><td>suppressed (n = {entry.n})</td><td /></>;
  return <><td>{shown(entry.estimate, type)}{entry.flag === 'unreliable' ? ' *' : ''} <span className="muted">({entry.wave}, n = {entry.n})</span></td><td>{range(entry.ciLow, entry.ciHigh, type)}</td></>;
}

/**
 * "Programme targets": the logframe table of the meta's targets for the weighting chosen above:
 * baseline and latest wave, target and year, change since baseline with interval and p, status.
 * Not shown when the survey declares no targets.
 */
export function TargetsPanel({ slug, weighting }: { slug: string; weighting: string }) {
  const { data: table, error } = useStaffJson<TargetTable>(`/api/surveys/${slug}/targets?${new URLSearchParams({ weighting })}`, 'The targets could not be loaded.');
  if (!error && (!table || table.targets.length === 0)) return null;
  return (
    <section className="targets-panel" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Programme targets</h2>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {table && (
        <div className="table-scroll">
          <table className="targets">
            <caption>Baseline, latest wave ({table.latestWave ?? '–'}) and target, with 95% intervals; the change since baseline in percentage points for shares. Reached with confidence: the latest interval is wholly on the target's side.</caption>
            <thead><tr><th scope="col">Indicator</th><th scope="col">Baseline</th><th scope="col">95% CI</th><th scope="col">Latest</th><th scope="col">95% CI</th><th scope="col">Target</th><th scope="col">Change</th><th scope="col">95% CI</th><th scope="col">p</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {table.targets.map((row) => (
                <tr key={row.indicator}>
                  <th scope="row">{row.label}</th>
                  <Estimate entry={row.baseline} type={row.type} />
                  <Estimate entry={row.latest} type={row.type} />
                  <td>{shown(row.target, row.type)}{row.direction === 'decrease' ? ' or lower' : ''} by {row.year}</td>
                  <td>{shown(row.change?.difference ?? null, row.type, true)}</td>
                  <td>{row.change ? range(row.change.ciLow, row.change.ciHigh, row.type, true) : ''}</td>
                  <td>{formatP(row.change?.pValue ?? null)}</td>
                  <td>{row.status ?? '–'}{row.note ? <span className="muted"> ({row.note})</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
