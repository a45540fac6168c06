import { useState } from 'react';
import { addPage, movePage, pagesOf, removePage, updatePage } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { QuestionRow } from './QuestionRow.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import { textIn } from './translations.ts';

/** Pages and their questions, in order, each with the checker's messages beside it. */
export function StructurePanel({ editing }: { editing: Editing }) {
  const { draft, change, languages, problems } = editing;
  const [open, setOpen] = useState<string | undefined>();
  const [pageOpen, setPageOpen] = useState<number | undefined>();
  const pages = pagesOf(draft);

  return (
    <section className="panel structure" aria-labelledby="structure-title">
      <h2 id="structure-title">Questionnaire</h2>
      <p className="hint">Reorder with the buttons, or focus a question and press Alt+↑ / Alt+↓. New items go to the last page.</p>
      <ol className="page-list">
        {pages.map((page, pageIndex) => {
          const title = textIn(page.title, 'en');
          return (
            <li key={`${page.name}-${pageIndex}`} className="page-block" aria-label={`Page ${pageIndex + 1}: ${title || page.name}`}>
              <div className="page-head">
                <h3>Page {pageIndex + 1}: {title || <code>{page.name}</code>}</h3>
                <button type="button" className="small" disabled={pageIndex === 0} onClick={() => change((current) => movePage(current, pageIndex, pageIndex - 1))}>
                  Move page up<span className="visually-hidden"> {pageIndex + 1}</span>
                </button>
                <button type="button" className="small" disabled={pageIndex === pages.length - 1} onClick={() => change((current) => movePage(current, pageIndex, pageIndex + 1))}>
                  Move page down<span className="visually-hidden"> {pageIndex + 1}</span>
                </button>
                <button type="button" className="small" aria-expanded={pageOpen === pageIndex} onClick={() => setPageOpen(pageOpen === pageIndex ? undefined : pageIndex)}>
                  Page title<span className="visually-hidden"> of page {pageIndex + 1}</span>
                </button>
                {page.elements.length === 0 && pages.length > 1 && (
                  <button type="button" className="small danger" onClick={() => change((current) => removePage(current, pageIndex))}>Remove empty page</button>
                )}
              </div>
              <ProblemNote problems={problems.get(`page:${pageIndex}`)} />
              {pageOpen === pageIndex && (
                <TextsEditor label={`Title of page ${pageIndex + 1}`} value={page.title} languages={languages}
                  onChange={(value) => change((current) => updatePage(current, pageIndex, (edited) => ({ ...edited, title: value })))} />
              )}
              {page.elements.length === 0 && <p className="hint">No questions on this page yet.</p>}
              <ol className="question-list">
                {page.elements.map((element, index) => (
                  <QuestionRow key={element.name} editing={editing} element={element} position={{ page: pageIndex, index }}
                    last={index === page.elements.length - 1} lastPage={pageIndex === pages.length - 1}
                    open={open === element.name} onToggle={() => setOpen(open === element.name ? undefined : element.name)} />
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => change((current) => addPage(current))}>Add a page</button>
    </section>
  );
}
