import { LANGUAGE_NAMES } from '../../../surveys/languages.ts';
import type { LanguageCode } from '../../../surveys/types.ts';

interface Props {
  label: string;
  languages: string[];
  value: string;
  onChange: (language: string) => void;
}

/** A select of the languages a questionnaire is offered in, each named in itself. */
export function LanguagePicker({ label, languages, value, onChange }: Props) {
  return (
    <div className="language-picker">
      <label htmlFor="language">{label}</label>
      <select id="language" value={value} onChange={(event) => onChange(event.target.value)}>
        {languages.map((language) => (
          <option key={language} value={language}>
            {LANGUAGE_NAMES[language as LanguageCode] ?? language}
          </option>
        ))}
      </select>
    </div>
  );
}
