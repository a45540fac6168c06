import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type CollisionDetection, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import { applyDrop, pageDropId, pageId } from './drag-drop.ts';
import { addPage, pagesOf } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { PageBlock } from './PageBlock.tsx';

/**
 * Pages and their questions, in order, each with the checker's messages beside it. Reordering:
 * drag by the ⠿ handle (mouse, touch, or keyboard: Space to lift, arrows to move, Space to drop),
 * the Move buttons, or Alt+↑/↓ on a focused question.
 */
export function StructurePanel({ editing }: { editing: Editing }) {
  const { draft, change } = editing;
  const [open, setOpen] = useState<string | undefined>();
  const pages = pagesOf(draft);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // A page is dropped among pages; a question among questions, or into an empty page.
  const emptyPages = new Set(pages.flatMap((page, index) => (page.elements.length === 0 ? [pageDropId(index)] : [])));
  const collision: CollisionDetection = (args) => {
    const draggingPage = String(args.active.id).startsWith('page:');
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((container) => {
        const id = String(container.id);
        return draggingPage ? id.startsWith('page:') : !id.startsWith('page:') && (!id.startsWith('page-drop:') || emptyPages.has(id));
      }),
    });
  };
  const onDragEnd = (event: DragEndEvent) => {
    const over = event.over ? String(event.over.id) : undefined;
    change((current) => applyDrop(current, String(event.active.id), over));
  };

  return (
    <section className="panel structure" aria-labelledby="structure-title">
      <h2 id="structure-title">Questionnaire</h2>
      <p className="hint">Drag by ⠿ (or focus it, press Space, move with the arrows, Space again), use the Move buttons, or press Alt+↑ / Alt+↓ on a question. New items go to the last page.</p>
      <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}>
        <SortableContext items={pages.map((page) => pageId(page.name))} strategy={verticalListSortingStrategy}>
          <ol className="page-list">
            {pages.map((page, index) => (
              <PageBlock key={page.name} editing={editing} page={page} index={index} pageCount={pages.length}
                openQuestion={open} onToggleQuestion={(name) => setOpen(open === name ? undefined : name)} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button type="button" onClick={() => change((current) => addPage(current))}>Add a page</button>
    </section>
  );
}
