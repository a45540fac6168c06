import { useId } from 'react';
import { OPERATORS, parseExpression, toExpression, type Condition, type Operator, type Rule } from './conditions.ts';
import type { Element } from './draft-model.ts';
import { textIn } from './translations.ts';

interface Props {
  /** The expression now set (SurveyJS `visibleIf`), possibly empty. */
  expression: string | undefined;
  /** Questions the condition may name: those asked earlier. */
  candidates: Element[];
  onChange: (expression: string | undefined) => void;
}

/** "Show this question only when …": conditions on earlier questions, joined by and/or. */
export function ConditionEditor({ expression, candidates, onChange }: Props) {
  const id = useId();
  const rule = parseExpression(expression);
  if (!rule) {
    return (
      <div className="condition-editor">
        <label htmlFor={`${id}-raw`}>Show only when (SurveyJS expression)</label>
        <input id={`${id}-raw`} type="text" value={expression ?? ''} onChange={(event) => onChange(event.target.value || undefined)} />
      </div>
    );
  }
  const update = (next: Rule) => onChange(toExpression(next) || undefined);
  const setCondition = (index: number, change: Partial<Condition>) =>
    update({ ...rule, conditions: rule.conditions.map((condition, position) => (position === index ? { ...condition, ...change } : condition)) });
  const first = candidates[0];

  return (
    <fieldset className="condition-editor">
      <legend>Skip logic: show this question only when…</legend>
      {rule.conditions.length === 0 && <p className="hint">Always shown.</p>}
      {rule.conditions.length > 1 && (
        <label>Join conditions with
          <select value={rule.join} onChange={(event) => update({ ...rule, join: event.target.value as Rule['join'] })}>
            <option value="and">and (all must hold)</option>
            <option value="or">or (any may hold)</option>
          </select>
        </label>
      )}
      {rule.conditions.map((condition, index) => {
        const question = candidates.find((candidate) => candidate.name === condition.question);
        const choices = Array.isArray(question?.choices) ? (question.choices as { value: string | number; text?: unknown }[]) : undefined;
        const unary = condition.operator === 'notempty' || condition.operator === 'empty';
        return (
          <div className="condition-row" key={index}>
            <label htmlFor={`${id}-${index}-q`}>Question</label>
              <select id={`${id}-${index}-q`} value={condition.question} onChange={(event) => setCondition(index, { question: event.target.value, value: undefined })}>
                {!question && <option value={condition.question}>{condition.question || 'choose…'}</option>}
                {candidates.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name}</option>)}
              </select>
            <label htmlFor={`${id}-${index}-op`}>Condition</label>
              <select id={`${id}-${index}-op`} value={condition.operator} onChange={(event) => setCondition(index, { operator: event.target.value as Operator })}>
                {Object.entries(OPERATORS).map(([operator, label]) => <option key={operator} value={operator}>{label}</option>)}
              </select>
            {!unary && (choices ? (
              <>
                <label htmlFor={`${id}-${index}-v`}>Answer</label>
                <select id={`${id}-${index}-v`} value={String(condition.value ?? '')} onChange={(event) => setCondition(index, { value: choices.find((choice) => String(choice.value) === event.target.value)?.value })}>
                  <option value="">choose…</option>
                  {choices.map((choice) => <option key={String(choice.value)} value={String(choice.value)}>{textIn(choice.text, 'en') || String(choice.value)}</option>)}
                </select>
              </>
            ) : (
              <>
                <label htmlFor={`${id}-${index}-v`}>Value</label>
                <input id={`${id}-${index}-v`} type="text" value={String(condition.value ?? '')} onChange={(event) => setCondition(index, { value: /^-?\d+(\.\d+)?$/.test(event.target.value) ? Number(event.target.value) : event.target.value })} />
              </>
            ))}
            <button type="button" className="small" aria-label={`Remove condition ${index + 1}`} onClick={() => update({ ...rule, conditions: rule.conditions.filter((_, position) => position !== index) })}>Remove</button>
          </div>
        );
      })}
      <button type="button" className="small" disabled={!first} onClick={() => first && update({ ...rule, conditions: [...rule.conditions, { question: first.name, operator: '=', value: undefined }] })}>
        Add a condition
      </button>
      {!first && <p className="hint">Skip logic can refer only to questions asked before this one.</p>}
    </fieldset>
  );
}
