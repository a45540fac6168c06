import type { Progress } from './progress.ts';

/** The latest submissions: when, where, in which language and how. Never the answers. */
export function LatestTable({ rows, labels }: { rows: NonNullable<Progress['latest']>; labels: Map<string, string> }) {
  return (
    <table className="data-table latest-table">
      <caption>Latest submissions (time, region, language and mode; answers stay in the microdata)</caption>
      <thead><tr><th scope="col">Received (UTC)</th><th scope="col">Region</th><th scope="col">Language</th><th scope="col">Mode</th><th scope="col">Version</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={5}>No submissions yet.</td></tr>}
        {rows.map((row, index) => (
          <tr key={`${row.receivedAt}-${index}`}>
            <td>{row.receivedAt.slice(0, 19).replace('T', ' ')}</td>
            <td>{row.region ? (labels.get(row.region) ?? row.region) : '—'}</td>
            <td>{row.language}</td>
            <td>{row.mode === 'enumerator' ? 'enumerator interview' : row.mode === 'import' ? 'imported' : 'web'}</td>
            <td>{row.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
