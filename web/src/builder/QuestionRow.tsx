import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import { setRequired, removeQuestion, moveQuestion, type Element, type Position } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { textIn } from './translations.ts';

interface Props {
  editing: Editing;
  element: Element;
  position: Position;
  last: boolean;
  lastPage: boolean;
  open: boolean;
  onToggle: () => void;
}

/**
 * One question in the structure: its text, name and type, a drag handle, required, move up/down
 * (buttons, or Alt+↑/Alt+↓ on the row; at a page's edge it moves to the neighbouring page), edit and remove.
 * The checker's messages about it are shown under it.
 */
export function QuestionRow({ editing, element, position, last, lastPage, open, onToggle }: Props) {
  const { change, problems, warnings } = editing;
  const own = problems.get(`question:${element.name}`);
  const warned = warnings.get(`question:${element.name}`);
  const label = textIn(element.title, 'en') || element.name;
  const move = (step: -1 | 1) => change((draft) => moveQuestion(draft, position, { page: position.page, index: position.index + step }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };
  const noteId = `problems-${element.name}`;
  const warningId = `warnings-${element.name}`;
  const describedBy = [own?.length ? noteId : '', warned?.length ? warningId : ''].filter(Boolean).join(' ');
  const sortable = useSortable({ id: element.name });
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };

  return (
    <li ref={sortable.setNodeRef} style={style} className={`question-row${own?.length ? ' has-problems' : warned?.length ? ' has-warnings' : ''}${sortable.isDragging ? ' dragging' : ''}`} data-question={element.name} onKeyDown={onKeyDown} aria-describedby={describedBy || undefined}>
      <div className="question-head">
        <div className="question-label">
          <strong>{label}</strong>
          <span className="hint"> <code>{element.name}</code> · {element.type}{element.visibleIf ? ` · shown if ${String(element.visibleIf)}` : ''}</span>
        </div>
        <button type="button" className="small drag-handle" {...sortable.attributes} {...sortable.listeners} aria-label={`Drag ${element.name}`}>⠿</button>
        <label className="inline">
          <input type="checkbox" checked={element.isRequired === true} onChange={(event) => change((draft) => setRequired(draft, element.name, event.target.checked))} />
          Required<span className="visually-hidden"> ({element.name})</span>
        </label>
        <button type="button" className="small" disabled={position.page === 0 && position.index === 0} onClick={() => move(-1)}>
          Move up<span className="visually-hidden"> {element.name}</span>
        </button>
        <button type="button" className="small" disabled={last && lastPage} onClick={() => move(1)}>
          Move down<span className="visually-hidden"> {element.name}</span>
        </button>
        <button type="button" className="small" aria-expanded={open} onClick={onToggle}>
          {open ? 'Close' : 'Edit'}<span className="visually-hidden"> {element.name}</span>
        </button>
        <button type="button" className="small danger" onClick={() => change((draft) => removeQuestion(draft, element.name))}>
          Remove<span className="visually-hidden"> {element.name}</span>
        </button>
      </div>
      <ProblemNote problems={own} id={noteId} />
      <ProblemNote problems={warned} id={warningId} warning />
      {open && <QuestionEditor editing={editing} element={element} />}
    </li>
  );
}
