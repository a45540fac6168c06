import type { Rename } from '../../../surveys/import-surveyjs.ts';

/** The questions an import renamed (old → new), so the researcher knows what their variables are called now. */
export function RenameList({ renames }: { renames: Rename[] }) {
  if (renames.length === 0) return null;
  return (
    <div className="rename-list">
      <p>{renames.length === 1 ? 'One question was renamed' : `${renames.length} questions were renamed`} so that SPSS, Stata and R can use the names; every condition and text that refers to them follows, and the codebook keeps the original name:</p>
      <ul>
        {renames.map((rename) => <li key={rename.to}><code>{rename.from}</code> → <code>{rename.to}</code></li>)}
      </ul>
    </div>
  );
}
