import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { pageDropId, pageId } from './drag-drop.ts';
import { movePage, removePage, updatePage, type Page } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { QuestionRow } from './QuestionRow.tsx';
import { TextsEditor } from './TextsEditor.tsx';
import { textIn } from './translations.ts';

interface Props {
  editing: Editing;
  page: Page;
  index: number;
  pageCount: number;
  openQuestion: string | undefined;
  onToggleQuestion: (name: string) => void;
}

/** One page of the structure: its title, move/drag, and its questions (sortable; an empty page still takes drops). */
export function PageBlock({ editing, page, index, pageCount, openQuestion, onToggleQuestion }: Props) {
  const { change, languages, problems } = editing;
  const [titleOpen, setTitleOpen] = useState(false);
  const sortable = useSortable({ id: pageId(page.name) });
  const drop = useDroppable({ id: pageDropId(index) });
  const title = textIn(page.title, 'en');
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };

  return (
    <li ref={sortable.setNodeRef} style={style} className={`page-block${sortable.isDragging ? ' dragging' : ''}`} aria-label={`Page ${index + 1}: ${title || page.name}`}>
      <div className="page-head">
        <h3>Page {index + 1}: {title || <code>{page.name}</code>}</h3>
        <button type="button" className="small drag-handle" {...sortable.attributes} {...sortable.listeners} aria-label={`Drag page ${index + 1}`}>⠿</button>
        <button type="button" className="small" disabled={index === 0} onClick={() => change((current) => movePage(current, index, index - 1))}>
          Move page up<span className="visually-hidden"> {index + 1}</span>
        </button>
        <button type="button" className="small" disabled={index === pageCount - 1} onClick={() => change((current) => movePage(current, index, index + 1))}>
          Move page down<span className="visually-hidden"> {index + 1}</span>
        </button>
        <button type="button" className="small" aria-expanded={titleOpen} onClick={() => setTitleOpen(!titleOpen)}>
          Page title<span className="visually-hidden"> of page {index + 1}</span>
        </button>
        {page.elements.length === 0 && pageCount > 1 && (
          <button type="button" className="small danger" onClick={() => change((current) => removePage(current, index))}>Remove empty page</button>
        )}
      </div>
      <ProblemNote problems={problems.get(`page:${index}`)} />
      {titleOpen && (
        <TextsEditor label={`Title of page ${index + 1}`} value={page.title} languages={languages}
          onChange={(value) => change((current) => updatePage(current, index, (edited) => ({ ...edited, title: value })))} />
      )}
      <SortableContext items={page.elements.map((element) => element.name)} strategy={verticalListSortingStrategy}>
        <ol ref={drop.setNodeRef} className={`question-list${drop.isOver ? ' drop-over' : ''}`}>
          {page.elements.length === 0 && <li className="hint">No questions on this page yet (drop one here).</li>}
          {page.elements.map((element, position) => (
            <QuestionRow key={element.name} editing={editing} element={element} position={{ page: index, index: position }}
              last={position === page.elements.length - 1} lastPage={index === pageCount - 1}
              open={openQuestion === element.name} onToggle={() => onToggleQuestion(element.name)} />
          ))}
        </ol>
      </SortableContext>
    </li>
  );
}
