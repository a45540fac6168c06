import { questionsBefore } from './conditions.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { ChoiceListEditor } from './ChoiceListEditor.tsx';
import { questionsOf, updateQuestion, type Element } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { TextsEditor } from './TextsEditor.tsx';

const TEXT_FIELDS = [
  ['title', 'Question text'],
  ['description', 'Description'],
  ['minRateDescription', 'Low end label'],
  ['maxRateDescription', 'High end label'],
] as const;

/** Everything about one question: its texts in every language, its choices and its skip logic. */
export function QuestionEditor({ editing, element }: { editing: Editing; element: Element }) {
  const { draft, change, languages } = editing;
  const set = (key: string, value: unknown) => change((current) => updateQuestion(current, element.name, (question) => {
    const next = { ...question };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    return next;
  }));
  const earlier = questionsBefore(questionsOf(draft), element.name).map((entry) => entry.element);

  return (
    <div className="question-editor">
      {TEXT_FIELDS.filter(([key]) => key === 'title' || element[key] !== undefined).map(([key, label]) => (
        <TextsEditor key={key} label={label} value={element[key]} languages={languages} multiline={key !== 'title'} onChange={(value) => set(key, value)} />
      ))}
      {Array.isArray(element.choices) && <ChoiceListEditor editing={editing} question={element.name} label="Choices" />}
      <ConditionEditor expression={typeof element.visibleIf === 'string' ? element.visibleIf : undefined} candidates={earlier} onChange={(value) => set('visibleIf', value)} />
    </div>
  );
}
