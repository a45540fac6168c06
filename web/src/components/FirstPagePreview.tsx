import { useMemo } from 'react';
import type { SurveyDefinition } from '../../../surveys/types.ts';
import { earlyFirstPage, type EarlyElement } from '../lib/first-page.ts';

interface Props {
  definition: SurveyDefinition;
  language: string;
  answers: Record<string, unknown>;
  onAnswer: (name: string, value: unknown) => void;
  /** Said under the questions while the rest of the questionnaire (SurveyJS) is on its way. */
  waiting: string;
}

/**
 * The first questions of a questionnaire, answerable before SurveyJS has arrived on a slow phone
 * (lib/first-page.ts says which). The answers are handed to SurveyJS when it takes over, which
 * then shows the same page with them, and the rest: nothing given here is lost.
 */
export function FirstPagePreview({ definition, language, answers, onAnswer, waiting }: Props) {
  const page = useMemo(() => earlyFirstPage(definition, language), [definition, language]);
  return (
    <form className="first-page" aria-busy="true" onSubmit={(event) => event.preventDefault()}>
      {page.surveyTitle && <h1>{page.surveyTitle}</h1>}
      {page.surveyDescription && <p className="hint">{page.surveyDescription}</p>}
      {page.pageTitle && <h2>{page.pageTitle}</h2>}
      {page.elements.map((element) => <Element key={element.name} element={element} value={answers[element.name]} onAnswer={onAnswer} />)}
      <p className="hint" role="status">{waiting}</p>
    </form>
  );
}

function Element({ element, value, onAnswer }: { element: EarlyElement; value: unknown; onAnswer: Props['onAnswer'] }) {
  if (element.kind === 'html') {
    // The questionnaire's own text, as SurveyJS shows an html element.
    return <div className="first-page-html" dangerouslySetInnerHTML={{ __html: element.html }} />;
  }
  const title = <>{element.title}{element.required && <span aria-hidden="true"> *</span>}</>;
  if (element.kind === 'text') {
    const Input = element.multiline ? 'textarea' : 'input';
    return (
      <label className="first-page-question">
        <span className="first-page-title">{title}</span>
        <Input value={typeof value === 'string' ? value : ''} required={element.required} onChange={(event) => onAnswer(element.name, event.target.value)} />
      </label>
    );
  }
  const chosen = Array.isArray(value) ? value : [];
  return (
    <fieldset className="first-page-question">
      <legend className="first-page-title">{title}</legend>
      {element.choices.map((choice) => (
        <label key={String(choice.value)} className="first-page-choice">
          <input
            type={element.kind === 'single' ? 'radio' : 'checkbox'}
            name={element.name}
            checked={element.kind === 'single' ? value === choice.value : chosen.includes(choice.value)}
            onChange={(event) => {
              if (element.kind === 'single') onAnswer(element.name, choice.value);
              else onAnswer(element.name, event.target.checked ? [...chosen, choice.value] : chosen.filter((item) => item !== choice.value));
            }}
          />{' '}
          {choice.text}
        </label>
      ))}
    </fieldset>
  );
}
