import { ConditionsParser } from 'survey-core';
import { referencedQuestions } from '../conditions.ts';
import type { Problem } from '../types.ts';
import { CONSTRUCTS, type Item, type Texts, type Value } from './types.ts';

const NAME = /^[a-z][a-z0-9_]*$/;
const ESS_VARIABLE = /^[a-z]{4,8}$/;
const HAND_WRITTEN = ['en', 'bs', 'hr', 'sr-Latn'] as const;
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Checks the item bank: unique permanent names, a known construct, every text in every
 * hand-written language (Serbian Cyrillic is generated), scale values and favourable sets that
 * agree, missing codes that are not scale values, and reverse-scoring that matches which end of
 * the scale is favourable, and follow-up conditions that parse and name earlier items of the
 * bank. Returns one problem per fault, located as `items.<name>.<field>`.
 */
export function checkItems(items: Item[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const path = `items.${NAME.test(item.name ?? '') ? item.name : `[${index}]`}`;
    const report = (field: string, message: string) => problems.push({ path: `${path}${field}`, message });
    if (!NAME.test(item.name ?? '')) report('.name', `item name "${item.name}" must be lower-case letters, digits and underscores, starting with a letter`);
    if (seen.has(item.name)) report('.name', `two items share the name "${item.name}"`);
    seen.add(item.name);
    if (!(item.construct in CONSTRUCTS)) report('.construct', `unknown construct "${item.construct}"`);
    if (item.ess !== undefined && !ESS_VARIABLE.test(item.ess)) report('.ess', `"${item.ess}" does not look like an ESS variable name`);
    checkTexts(item.text, '.text', report);
    if (item.description) checkTexts(item.description, '.description', report);
    const values = checkScale(item, report);
    checkMissing(item, values, report);
    if (item.askedIf) checkFollowUp(item, items, report);
  });
  return problems;
}

/** A follow-up's conditions parse and read only items that come before it in the bank. */
function checkFollowUp(item: Item, items: Item[], report: Report): void {
  const index = items.indexOf(item);
  for (const [field, expression] of [['visibleIf', item.askedIf!.visibleIf], ['choicesVisibleIf', item.askedIf!.choicesVisibleIf]] as const) {
    if (expression === undefined) continue;
    if (!new ConditionsParser().parseExpression(expression)) {
      report(`.askedIf.${field}`, `cannot parse the condition "${expression}"`);
      continue;
    }
    for (const name of referencedQuestions(expression)) {
      const filter = items.findIndex((candidate) => candidate.name === name);
      if (filter < 0 || filter >= index) report(`.askedIf.${field}`, `"{${name}}" is not an item before ${item.name} in the bank`);
    }
  }
}

type Report = (field: string, message: string) => void;

function checkTexts(texts: Texts | undefined, field: string, report: Report): void {
  const missing = HAND_WRITTEN.filter((language) => typeof texts?.[language] !== 'string' || !texts[language].trim());
  if (missing.length > 0) report(field, `text missing in ${missing.join(', ')}`);
  if (texts && CYRILLIC.test(texts['sr-Latn'] ?? '')) report(`${field}.sr-Latn`, 'Serbian Latin text contains Cyrillic letters; write Latin, Cyrillic is generated');
}

function checkScale(item: Item, report: Report): Value[] {
  const scale = item.scale;
  if (scale.type === 'rating') {
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.min >= scale.max) report('.scale', 'a rating needs whole-number min < max');
    checkTexts(scale.minText, '.scale.minText', report);
    checkTexts(scale.maxText, '.scale.maxText', report);
  } else {
    if (scale.choices.length < 2) report('.scale.choices', 'a choice scale needs at least two choices');
    scale.choices.forEach((choice, index) => checkTexts(choice.text, `.scale.choices[${index}].text`, report));
  }
  const values: Value[] = scale.type === 'rating' ? range(scale.min, scale.max) : scale.choices.map((choice) => choice.value);
  if (new Set(values.map(String)).size !== values.length) report('.scale.choices', 'two choices share a value');
  if (scale.type === 'checkbox') {
    if (item.reverse) report('.reverse', 'a multiple-response item cannot be reverse-scored');
    return values;
  }
  const known = new Set(values.map(String));
  for (const key of ['favourable', 'unfavourable'] as const) {
    const outside = (scale[key] ?? []).filter((value) => !known.has(String(value)));
    if (outside.length > 0) report(`.scale.${key}`, `${outside.join(', ')} not among the scale's values (${values.join(', ')})`);
  }
  const favourable = (scale.favourable ?? []).map(Number);
  const unfavourable = (scale.unfavourable ?? []).map(Number);
  if (favourable.some((value) => unfavourable.includes(value))) report('.scale', 'a value is both favourable and unfavourable');
  const ordered = scale.type === 'rating' || scale.ordered;
  const numeric = values.every((value) => typeof value === 'number');
  if (item.reverse && !(ordered && numeric)) report('.reverse', 'only an ordered numeric scale can be reverse-scored');
  if (ordered && numeric && favourable.length > 0 && unfavourable.length > 0) {
    const favourableAtLowEnd = Math.max(...favourable) < Math.min(...unfavourable);
    if (favourableAtLowEnd !== item.reverse) {
      report('.reverse', item.reverse ? 'reverse-scored, but the favourable end is the high end of the scale' : 'the favourable end is the low end of the scale, so the item must be reverse-scored');
    }
  }
  return values;
}

function checkMissing(item: Item, values: Value[], report: Report): void {
  const known = new Set(values.map(String));
  const codes = new Set<number>();
  item.missing.forEach((code, index) => {
    const field = `.missing[${index}]`;
    if (known.has(String(code.value))) report(field, `missing code ${code.value} is also a value on the scale`);
    if (codes.has(code.value)) report(field, `missing code ${code.value} is listed twice`);
    codes.add(code.value);
    if (code.offered && item.scale.type !== 'radiogroup' && item.scale.type !== 'dropdown') report(field, `a ${item.scale.type} question cannot show missing code ${code.value} as a choice`);
    if (code.offered) checkTexts(code.text, `${field}.text`, report);
  });
}

function range(min: number, max: number): number[] {
  const values: number[] = [];
  for (let value = min; value <= max; value += 1) values.push(value);
  return values;
}
