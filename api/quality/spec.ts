import type { QualitySpec } from '../../analysis/quality/index.ts';
import { ITEM_BANK } from '../../surveys/items/index.ts';
import { listQuestions } from '../../surveys/questions.ts';
import type { SurveyLayout } from '../indicators/survey-layout.ts';

const SINGLE_VALUED = new Set(['rating', 'radiogroup', 'dropdown', 'boolean']);
/** survey-core's value for its built-in "don't know" item (settings.dontKnowItemValue). */
const SURVEYJS_DONT_KNOW = 'dontknow';
const bank = new Map(ITEM_BANK.map((item) => [item.name, item]));

/**
 * What the quality flags need to know about a survey's questions, over all its versions:
 * the multi-item constructs (meta.reliability and the items of scale indicators), which answer
 * means "don't know" (the item bank's offered dont_know code, or SurveyJS's own "don't know"
 * item), and the attitude questions compared for identical patterns (every single-valued
 * question a construct or an indicator reads, in questionnaire order).
 */
export function qualitySpec(survey: SurveyLayout): QualitySpec {
  const constructs = new Map<string, string[]>();
  const measured = new Set<string>();
  const dontKnow: Record<string, (string | number)[]> = Object.create(null) as Record<string, (string | number)[]>;
  const order: string[] = [];
  const types = new Map<string, string>();
  for (const { definition, meta } of survey.versions) {
    for (const construct of meta.reliability ?? []) constructs.set(construct.id, construct.items);
    for (const indicator of meta.indicators ?? []) {
      if (indicator.type === 'scale' && indicator.items && !constructs.has(indicator.id)) constructs.set(indicator.id, indicator.items);
      for (const item of [...(indicator.items ?? []), ...(indicator.item ? [indicator.item] : [])]) measured.add(item);
    }
    for (const question of listQuestions(definition)) {
      if (!types.has(question.name)) order.push(question.name);
      types.set(question.name, question.type);
      const codes = new Set<string | number>(dontKnow[question.name] ?? []);
      for (const code of bank.get(question.name)?.missing ?? []) {
        if (code.meaning === 'dont_know' && code.offered && question.values?.some((value) => String(value) === String(code.value))) codes.add(code.value);
      }
      if (question.json.showDontKnowItem === true) codes.add(SURVEYJS_DONT_KNOW);
      if (codes.size > 0) dontKnow[question.name] = [...codes];
    }
  }
  for (const items of constructs.values()) for (const item of items) measured.add(item);
  return {
    constructs: [...constructs].map(([id, items]) => ({ id, items })),
    dontKnow,
    patternItems: order.filter((name) => measured.has(name) && SINGLE_VALUED.has(types.get(name) ?? '')),
  };
}

/** Every question the flags read: the answers loaded for each response. */
export function questionsRead(spec: QualitySpec): string[] {
  return [...new Set([...spec.constructs.flatMap((construct) => construct.items), ...Object.keys(spec.dontKnow), ...spec.patternItems])];
}
