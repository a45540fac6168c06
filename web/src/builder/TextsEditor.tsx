import { useId } from 'react';
import { LANGUAGE_NAMES } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';
import { isCyrillicOverridden, resetCyrillic, setText, textIn, type LocalText } from './translations.ts';

interface Props {
  /** What the text is, e.g. "Question text"; each input is labelled "<label> (<language>)". */
  label: string;
  value: unknown;
  languages: LanguageCode[];
  onChange: (value: LocalText) => void;
  multiline?: boolean;
}

/**
 * One text in every declared language. Serbian Cyrillic is filled from Serbian Latin as it is typed
 * and can be edited; once edited by hand it stays, with a button to take the transliteration again.
 */
export function TextsEditor({ label, value, languages, onChange, multiline }: Props) {
  const id = useId();
  const overridden = isCyrillicOverridden(value);
  // Once a text exists in one language, the languages still missing are marked.
  const started = languages.some((language) => textIn(value, language).trim());
  return (
    <fieldset className="texts-editor">
      <legend>{label}</legend>
      {languages.map((language) => {
        const inputId = `${id}-${language}`;
        const text = textIn(value, language);
        const auto = language === 'sr-Cyrl' && languages.includes('sr-Latn');
        const props = {
          id: inputId,
          value: text,
          lang: language,
          'aria-invalid': started && !text.trim() ? true : undefined,
          onChange: (event: { target: { value: string } }) => onChange(setText(value, language, event.target.value)),
        };
        return (
          <div className="texts-row" key={language}>
            <label htmlFor={inputId}>{label} ({LANGUAGE_NAMES[language]})</label>
            {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
            {auto && (overridden
              ? <button type="button" className="small" onClick={() => onChange(resetCyrillic(value))}>Transliterate again from Latin</button>
              : <span className="hint">filled from Serbian Latin</span>)}
          </div>
        );
      })}
    </fieldset>
  );
}
