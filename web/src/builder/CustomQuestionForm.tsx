import { useState } from 'react';
import { CUSTOM_KINDS, createCustomQuestion, nameProblem, suggestName, type CustomKind } from './custom-question.ts';
import { addQuestions, questionNames } from './draft-model.ts';
import type { Editing } from './editing.ts';
import { TextsEditor } from './TextsEditor.tsx';
import type { LocalText } from './translations.ts';

/** Writing one's own question: kind, text in every language, choices or range, name, required. */
export function CustomQuestionForm({ editing }: { editing: Editing }) {
  const { draft, change, languages } = editing;
  const [kind, setKind] = useState<CustomKind>('single');
  const [title, setTitle] = useState<LocalText>({});
  const [name, setName] = useState('');
  const [choices, setChoices] = useState<LocalText[]>([{}, {}]);
  const [range, setRange] = useState({ min: 0, max: 10 });
  const [required, setRequired] = useState(false);
  const taken = questionNames(draft);
  const finalName = name || suggestName(title.default ?? '', taken);
  const problem = title.default ? nameProblem(finalName, taken) : 'write the question in English first';
  const withChoices = kind === 'single' || kind === 'multiple';

  const add = () => {
    const question = createCustomQuestion({ kind, name: finalName, title, required, rateMin: range.min, rateMax: range.max, ...(withChoices ? { choices } : {}) });
    change((current) => addQuestions(current, [question]));
    setTitle({});
    setName('');
    setChoices([{}, {}]);
  };

  return (
    <section className="panel custom-question" aria-labelledby="custom-title">
      <h2 id="custom-title">Your own question</h2>
      <label>Kind of question
        <select value={kind} onChange={(event) => setKind(event.target.value as CustomKind)}>
          {Object.entries(CUSTOM_KINDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <TextsEditor label="New question text" value={title} languages={languages} onChange={setTitle} />
      {withChoices && choices.map((choice, index) => (
        <div key={index} className="choice-block">
          <TextsEditor label={`Choice ${index + 1}`} value={choice} languages={languages}
            onChange={(value) => setChoices(choices.map((entry, position) => (position === index ? value : entry)))} />
          {choices.length > 1 && <button type="button" className="small" onClick={() => setChoices(choices.filter((_, position) => position !== index))}>Remove choice {index + 1}</button>}
        </div>
      ))}
      {withChoices && <button type="button" className="small" onClick={() => setChoices([...choices, {}])}>Another choice</button>}
      {kind === 'rating' && (
        <div className="inline-fields">
          <label>Lowest value<input type="number" value={range.min} onChange={(event) => setRange({ ...range, min: Number(event.target.value) })} /></label>
          <label>Highest value<input type="number" value={range.max} onChange={(event) => setRange({ ...range, max: Number(event.target.value) })} /></label>
        </div>
      )}
      <label>Question name (permanent key of the answers)
        <input type="text" value={name} placeholder={finalName} onChange={(event) => setName(event.target.value)} aria-describedby="custom-name-hint" />
      </label>
      <p className="hint" id="custom-name-hint">{problem ?? `Answers will be stored as “${finalName}”.`}</p>
      <label className="inline"><input type="checkbox" checked={required} onChange={(event) => setRequired(event.target.checked)} /> Answer required</label>
      <button type="button" disabled={problem !== undefined} onClick={add}>Add this question</button>
    </section>
  );
}
