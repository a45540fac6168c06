import { useState, type ChangeEvent } from 'react';
import type { Rename } from '../../../surveys/import-surveyjs.ts';
import type { Draft } from './draft-model.ts';
import { RenameList } from './RenameList.tsx';
import { exportDraft, importDraft } from './survey-json.ts';

/** SurveyJS JSON + meta out (download) and in (upload), to work with other SurveyJS tools. */
export function ImportExportPanel({ slug, draft, onImport }: { slug: string; draft: Draft; onImport: (draft: Draft) => void }) {
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string; renames?: Rename[] } | undefined>();

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportDraft(slug, draft)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${slug}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = importDraft(await file.text());
    if ('error' in result) setMessage({ kind: 'error', text: result.error });
    else {
      onImport(result.draft);
      setMessage({ kind: 'success', text: `Imported ${file.name}. Save the draft to keep it.`, renames: result.renames });
    }
    event.target.value = '';
  };

  return (
    <section className="panel import-export" aria-labelledby="import-export-title">
      <h2 id="import-export-title">Import and export</h2>
      <p className="hint">The file holds the SurveyJS definition and the Trustlens meta (languages, indicators, dimensions, quotas). Plain SurveyJS JSON from other tools can be imported too; it replaces the draft.</p>
      <button type="button" onClick={download}>Export JSON</button>
      <label className="file-input">Import JSON file<input type="file" accept="application/json,.json" onChange={upload} /></label>
      {message && (
        <div className={`notice notice-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
          {message.renames && <RenameList renames={message.renames} />}
        </div>
      )}
    </section>
  );
}
