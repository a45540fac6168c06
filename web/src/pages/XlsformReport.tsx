import type { Rename } from '../../../surveys/import-surveyjs.ts';
import type { Unmapped } from '../../../surveys/xlsform/sheets.ts';
import { RenameList } from '../builder/RenameList.tsx';

export interface XlsformResult {
  slug: string;
  renames?: Rename[];
  xlsform: { file: string; unmapped: Unmapped[]; formId?: string; formVersion?: string };
  draft: { problems: { field: string; issue: string }[] };
}

/** What an XLSForm upload did not carry over (sheet, row, reason) and the names it changed, before the builder opens. */
export function XlsformReport({ result, onOpen }: { result: XlsformResult; onOpen: () => void }) {
  const { unmapped, file } = result.xlsform;
  return (
    <section className="panel xlsform-report" aria-labelledby="xlsform-report-title">
      <h1 id="xlsform-report-title">Imported {file}</h1>
      <div className="notice notice-success" role="status">
        <p>The draft <strong>{result.slug}</strong> was created from the XLSForm.
          {result.draft.problems.length > 0 ? ` The checker finds ${result.draft.problems.length} problem${result.draft.problems.length === 1 ? '' : 's'} to fix before publishing; the builder shows each next to its question.` : ' The checker finds nothing to fix.'}</p>
      </div>
      {unmapped.length > 0 ? (
        <>
          <h2>{unmapped.length === 1 ? 'One row was' : `${unmapped.length} rows were`} not carried over</h2>
          <p className="hint">Add what is needed in the builder, or change the XLSForm and import it again.</p>
          <table className="xlsform-unmapped">
            <thead><tr><th scope="col">Sheet</th><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Name</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {unmapped.map((entry, index) => (
                <tr key={index}><td>{entry.sheet}</td><td>{entry.row}</td><td>{entry.column ?? ''}</td><td>{entry.name ? <code>{entry.name}</code> : ''}</td><td>{entry.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : <p>Every row of the XLSForm was carried over.</p>}
      {result.renames && <RenameList renames={result.renames} />}
      <button type="button" className="primary" onClick={onOpen}>Open the builder</button>
    </section>
  );
}
