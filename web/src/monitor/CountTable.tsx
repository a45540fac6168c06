/** A small table of counts with a bar per row (the bar is decoration; the number is the content). */
export function CountTable({ caption, label, rows }: { caption: string; label: string; rows: { key: string; responses: number }[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.responses));
  return (
    <table className="data-table count-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{label}</th><th scope="col">Responses</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={2}>None yet.</td></tr>}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.key}</th>
            <td><span className="bar" style={{ width: `${(row.responses / largest) * 100}%` }} aria-hidden="true" /> {row.responses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
