import { useState } from 'react';
import type { LanguageCode } from '../../../surveys/types.ts';
import { addChoice, choicesOf, removeChoice, renameChoice } from './choice-lists.ts';
import type { Editing } from './editing.ts';
import { TextsEditor } from './TextsEditor.tsx';
import { missingLanguages, type LocalText } from './translations.ts';

/**
 * The choices of a choice question (e.g. the region list, the contact-channel list): add, remove,
 * rename in every language. The meta's dimensions, quotas and raking margins follow (choice-lists.ts).
 */
export function ChoiceListEditor({ editing, question, label }: { editing: Editing; question: string; label: string }) {
  const { draft, change, languages } = editing;
  const [open, setOpen] = useState<string | number | undefined>();
  const [adding, setAdding] = useState<LocalText>({});
  const choices = choicesOf(draft, question);
  const canAdd = missingLanguages(adding, languages as LanguageCode[]).length === 0;

  return (
    <fieldset className="choice-list">
      <legend>{label}</legend>
      <ol>
        {choices.map((choice) => {
          const missing = missingLanguages(choice.text, languages);
          return (
            <li key={String(choice.value)}>
              <span>{choice.text.default ?? String(choice.value)} <code>{String(choice.value)}</code></span>
              {missing.length > 0 && <span className="problem-inline">missing {missing.join(', ')}</span>}
              <button type="button" className="small" aria-expanded={open === choice.value} onClick={() => setOpen(open === choice.value ? undefined : choice.value)}>
                {open === choice.value ? 'Close' : 'Edit texts'}<span className="visually-hidden"> of {choice.text.default ?? String(choice.value)}</span>
              </button>
              <button type="button" className="small" onClick={() => change((current) => removeChoice(current, question, choice.value))}>
                Remove<span className="visually-hidden"> {choice.text.default ?? String(choice.value)}</span>
              </button>
              {open === choice.value && (
                <TextsEditor label={`Choice ${String(choice.value)}`} value={choice.text} languages={languages}
                  onChange={(text) => change((current) => renameChoice(current, question, choice.value, text))} />
              )}
            </li>
          );
        })}
      </ol>
      <TextsEditor label="New choice" value={adding} languages={languages} onChange={setAdding} />
      <button type="button" disabled={!canAdd} onClick={() => { change((current) => addChoice(current, question, adding)); setAdding({}); }}>
        Add choice
      </button>
      {!canAdd && <span className="hint"> (write it in every language first)</span>}
    </fieldset>
  );
}
