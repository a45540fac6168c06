import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ITEM_BANK, type Item } from '../../../surveys/items/index.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { addBankItems } from '../builder/add-items.ts';
import '../builder/builder.css';
import { CustomQuestionForm } from '../builder/CustomQuestionForm.tsx';
import { questionNames, type Draft } from '../builder/draft-model.ts';
import type { Editing } from '../builder/editing.ts';
import { ImportExportPanel } from '../builder/ImportExportPanel.tsx';
import { IndicatorsPanel } from '../builder/IndicatorsPanel.tsx';
import { ItemBankPanel } from '../builder/ItemBankPanel.tsx';
import { PreviewPane } from '../builder/PreviewPane.tsx';
import { checkDraft, checkDraftWarnings, groupProblems } from '../builder/problems.ts';
import { ProblemSummary, WarningSummary } from '../builder/ProblemSummary.tsx';
import { StructurePanel } from '../builder/StructurePanel.tsx';
import { SurveySettings } from '../builder/SurveySettings.tsx';
import { useDraft } from '../builder/use-draft.ts';
import { useLeaveGuard } from '../lib/leave-guard.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

const TABS = { preview: 'Preview', settings: 'Settings and lists', indicators: 'Indicators and quotas', files: 'Import / export' } as const;
type Tab = keyof typeof TABS;

/** The questionnaire builder: item bank, structure, own questions, skip logic, preview, checks, save and publish. */
export function BuilderPage({ slug }: { slug: string }) {
  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <Builder slug={slug} />
    </StaffLayout>
  );
}

function Builder({ slug }: { slug: string }) {
  const { draft, setDraft, dirty, basedOn, notice, busy, save, publish } = useDraft(slug);
  const [tab, setTab] = useState<Tab>('preview');
  const problems = useMemo(() => (draft ? checkDraft(slug, draft) : []), [slug, draft]);
  const warnings = useMemo(() => (draft ? checkDraftWarnings(draft) : []), [draft]);
  const change = useCallback((operation: (current: Draft) => Draft) => setDraft((current) => (current ? operation(current) : current)), [setDraft]);
  useLeaveGuard(dirty, 'This draft has unsaved changes. Leave the builder and lose them?');

  if (!draft) {
    return notice ? <p className="notice notice-error" role="alert">{notice.text}</p> : <p>Loading the draft…</p>;
  }
  const languages = (Array.isArray(draft.meta.languages) ? draft.meta.languages : ['en']) as LanguageCode[];
  const editing: Editing = { draft, change, languages, problems: groupProblems(draft, problems), warnings: groupProblems(draft, warnings) };
  // Computed from the draft on screen (not inside the state update) so the panel can say which filter questions came along.
  const addItems = (items: Item[]): Item[] => {
    const added = addBankItems(draft, items, ITEM_BANK);
    setDraft(added.draft);
    return added.alsoAdded;
  };

  return (
    <div className="builder">
      <div className="builder-bar">
        <h1>Builder: <code>{slug}</code></h1>
        <span className="hint">{basedOn ? `draft of version ${basedOn + 1} (from version ${basedOn})` : 'not yet published'}{dirty ? ' · unsaved changes' : ' · saved'}</span>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void save(draft)}>Save draft</button>
          <button type="button" className="primary" disabled={busy} onClick={() => void publish(draft)}>Publish</button>
          <Link href={`/studio/${slug}/monitor`}>Fieldwork monitor</Link>
          <Link href="/studio">All questionnaires</Link>
        </div>
      </div>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.details && <ProblemSummary draft={draft} problems={notice.details} />}
        </div>
      )}
      <ProblemSummary draft={draft} problems={problems} />
      <WarningSummary draft={draft} warnings={warnings} />
      <div className="builder-columns">
        <div className="builder-column">
          <ItemBankPanel bank={ITEM_BANK} used={questionNames(draft)} onAdd={addItems} />
          <CustomQuestionForm editing={editing} />
        </div>
        <div className="builder-column">
          <StructurePanel editing={editing} />
        </div>
        <div className="builder-column">
          <div role="tablist" aria-label="Builder views" className="tabs">
            {(Object.keys(TABS) as Tab[]).map((key) => (
              <button key={key} type="button" role="tab" id={`tab-${key}`} aria-selected={tab === key} aria-controls={`tabpanel-${key}`} onClick={() => setTab(key)}>{TABS[key]}</button>
            ))}
          </div>
          <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'preview' && <PreviewPane definition={draft.definition} languages={languages} />}
            {tab === 'settings' && <SurveySettings editing={editing} />}
            {tab === 'indicators' && <IndicatorsPanel editing={editing} />}
            {tab === 'files' && <ImportExportPanel slug={slug} draft={draft} onImport={(imported) => setDraft(imported)} />}
          </div>
        </div>
      </div>
    </div>
  );
}
