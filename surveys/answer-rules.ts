import { Model, type Question } from 'survey-core';
import { compileCondition, compileExpression, type CompiledCondition, type CompiledExpression, type ExpressionScope } from './answer-expressions.ts';
import type { SurveyDefinition } from './types.ts';

/**
 * What one question accepts and when it is shown, read once from a survey-core model of the
 * definition (so legacy properties such as `hasOther`, the `"value|text"` shorthand, `rateCount`
 * and matrix-level choices mean what survey-core makes of them), then kept as plain data.
 */
export interface Rule {
  /** The answer key: the question's value name. */
  key: string;
  type: string;
  value: ValueRule;
  /** All must hold for the question to be shown: its own and every enclosing panel's and page's. */
  shown: Switch[];
  /** All must hold for it to be answerable (not read-only). */
  enabled: Switch[];
  required: Switch;
  /** setValueExpression, or an expression question's expression: the answer is worked out, not typed. */
  computed?: CompiledExpression;
  /** Per-choice visibleIf and choicesVisibleIf (`{item}`), for choice questions. */
  choiceConditions?: { value: unknown; condition: CompiledCondition }[];
  choicesVisibleIf?: CompiledCondition;
  /** The question's own choices (not none/other/…), which choicesVisibleIf filters. */
  choiceValues?: Set<unknown>;
  /** `<key>-Comment`: 'area' (showCommentArea: any time), 'other' (only beside the "other" choice). */
  comment?: 'area' | 'other';
}

/** A fixed answer (`true`/`false`) or a condition run on each submission. */
export type Switch = boolean | CompiledCondition;

export type ValueRule =
  | { kind: 'text'; number: boolean; min?: number; max?: number }
  | { kind: 'free' }
  | { kind: 'single'; allowed: Set<unknown>; other?: OtherRule }
  | { kind: 'multiple'; allowed: Set<unknown>; exclusive: Set<unknown>; other?: OtherRule; maxSelected: number }
  | { kind: 'ranking'; allowed: Set<unknown>; all: boolean }
  | { kind: 'matrix'; rows: Row[]; columns: Set<unknown>; multiple: boolean; eachRowRequired: boolean }
  | { kind: 'matrixdropdown'; rows: Row[]; columns: Column[] }
  | { kind: 'matrixdynamic'; columns: Column[]; rowCount: number; minRowCount: number; maxRowCount: number }
  | { kind: 'multipletext'; items: Rule[] }
  | { kind: 'paneldynamic'; template: Rule[]; panelCount: number; minPanelCount: number; maxPanelCount: number }
  | { kind: 'unsupported'; type: string };

/** The "other" item: its value and whether its text is kept in `-Comment` (else the answer is the text). */
export interface OtherRule {
  value: unknown;
  inComment: boolean;
}

export interface Row {
  value: unknown;
  /** The row's own visibleIf and the matrix's rowsVisibleIf (`{item}` = the row's value). */
  conditions: CompiledCondition[];
}

export interface Column {
  name: string;
  /** visibleIf of the column, run per row (`{row.x}`). */
  shown: Switch;
  cell: Rule;
}

export interface CompiledDefinition {
  rules: Rule[];
  /** Why survey-core's own verdicts (required, validators, skip logic) need a fresh model, if they do. */
  modelOnly: string[];
}

type AnyQuestion = Question & Record<string, any>;
type Element = { isPanel?: boolean; isPage?: boolean; elements?: Element[] } & Record<string, any>;

const SINGLE = new Set(['radiogroup', 'dropdown']);
const MULTIPLE = new Set(['checkbox', 'tagbox']);
const DISPLAY = new Set(['html', 'image']);
/** Question properties that change survey-core's verdicts in ways this compiler does not model. */
const MODEL_ONLY_PROPERTIES = ['validators', 'minValueExpression', 'maxValueExpression', 'choicesByUrl', 'choicesFromQuestion', 'hideIfChoicesEmpty', 'keyName', 'maskType', 'defaultValueExpression', 'resetValueIf', 'setValueIf', 'triggers', 'calculatedValues'];

/** Reads the rules of a definition. Throws nothing for odd definitions: what it cannot model goes to `modelOnly`. */
export function compileRules(definition: SurveyDefinition): CompiledDefinition {
  const model = new Model(definition);
  // As the fresh model of a submission: data assigned, which settles the rows and panels shown unanswered.
  model.data = {};
  const modelOnly: string[] = [];
  for (const key of ['triggers', 'calculatedValues', 'validators']) {
    if (Array.isArray(definition[key]) && (definition[key] as unknown[]).length > 0) modelOnly.push(`the questionnaire has ${key}`);
  }
  if (model.mode === 'display' || (model as unknown as { readOnly?: boolean }).readOnly) modelOnly.push('the questionnaire is read-only');
  const top = model.getAllQuestions(false, false, false) as AnyQuestion[];
  const rootKeys = new Set<string>();
  const answerKeys: string[] = [];
  const strict = new Set<string>();
  for (const question of top) {
    answerKeys.push(question.getValueName(), `${question.getValueName()}-Comment`);
    const key = question.getValueName().toLowerCase();
    rootKeys.add(key);
    rootKeys.add(`${key}-comment`);
    if (question.getType() === 'ranking') strict.add(key);
  }
  const scope = (local: string[] = []): ExpressionScope => ({ rootKeys, answerKeys, strict, local: new Set(local) });
  const compiler = new RuleCompiler(scope, modelOnly);
  const rules: Rule[] = [];
  for (const page of model.pages as unknown as Element[]) compiler.elements(page, [], [], scope(), rules);
  return { rules, modelOnly };
}

class RuleCompiler {
  /** One compiled condition per expression and set of context variables: pages share a visibleIf, and the per-submission memo (answer-logic.ts) is keyed on the object. */
  private readonly conditions = new Map<string, CompiledCondition>();

  constructor(private readonly scope: (local?: string[]) => ExpressionScope, private readonly modelOnly: string[]) {}

  condition(expression: string, scope: ExpressionScope): CompiledCondition {
    const key = `${[...scope.local].sort().join(' ')}\n${expression}`;
    let compiled = this.conditions.get(key);
    if (!compiled) this.conditions.set(key, (compiled = compileCondition(expression, scope)));
    if (compiled.modelOnly) this.modelOnly.push(compiled.modelOnly);
    return compiled;
  }

  /** A fixed property or the condition that overrides it (survey-core runs visibleIf/enableIf/requiredIf over the static value). */
  switchOf(expression: string | undefined, fixed: boolean, scope: ExpressionScope): Switch {
    return expression ? this.condition(expression, scope) : fixed;
  }

  /** Questions of a page, panel or dynamic panel template, with the conditions of their containers. */
  elements(container: Element, shown: Switch[], enabled: Switch[], scope: ExpressionScope, into: Rule[]): void {
    const ownShown = [...shown, this.switchOf(container.visibleIf, container.visible !== false, scope)];
    const ownEnabled = container.isPage ? enabled : [...enabled, this.switchOf(container.enableIf, !container.readOnly, scope)];
    if (!container.isPage && container.isPanel && (container.isRequired || container.requiredIf)) this.modelOnly.push(`panel "${container.name}" is required`);
    for (const element of container.elements ?? []) {
      if (element.isPanel) this.elements(element, ownShown, ownEnabled, scope, into);
      else if (!DISPLAY.has((element as AnyQuestion).getType())) into.push(this.question(element as AnyQuestion, ownShown, ownEnabled, scope));
    }
  }

  question(question: AnyQuestion, shown: Switch[], enabled: Switch[], scope: ExpressionScope): Rule {
    const type = question.getType();
    for (const property of MODEL_ONLY_PROPERTIES) {
      const value = question[property];
      if (value !== undefined && value !== null && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0) && !(property === 'choicesByUrl' && !value.url) && !(property === 'maskType' && value === 'none')) {
        this.modelOnly.push(`question "${question.name}" has ${property}`);
      }
    }
    const rule: Rule = {
      key: question.getValueName(),
      type,
      value: this.value(question, scope),
      shown: [...shown, this.switchOf(question.visibleIf, question.visible !== false, scope)],
      enabled: [...enabled, this.switchOf(question.enableIf, !question.readOnly, scope)],
      required: this.switchOf(question.requiredIf, question.isRequired === true, scope),
    };
    const computed = type === 'expression' ? question.expression : question.setValueExpression;
    if (computed) {
      rule.computed = compileExpression(computed, scope);
      if (rule.computed.modelOnly) this.modelOnly.push(rule.computed.modelOnly);
    }
    if (question.isDescendantOf('selectbase')) {
      const itemScope = this.withLocal(scope, ['item', 'choice']);
      if (question.choicesVisibleIf) rule.choicesVisibleIf = this.condition(question.choicesVisibleIf, itemScope);
      rule.choiceValues = new Set((question.choices as { value: unknown }[]).map((choice) => choice.value));
      rule.choiceConditions = (question.choices as AnyQuestion[]).filter((choice) => choice.visibleIf)
        .map((choice) => ({ value: choice.value, condition: this.condition(choice.visibleIf, itemScope) }));
    }
    if (question.showCommentArea) rule.comment = 'area';
    else if (question.showOtherItem && question.getStoreOthersAsComment?.()) rule.comment = 'other';
    return rule;
  }

  withLocal(scope: ExpressionScope, names: string[]): ExpressionScope {
    return { ...scope, local: new Set([...scope.local, ...names]) };
  }

  value(question: AnyQuestion, scope: ExpressionScope): ValueRule {
    const type = question.getType();
    if (type === 'text') {
      const number = ['number', 'range'].includes(question.inputType);
      // survey-core adds its own checks for e-mail, dates, steps and masks; those verdicts come from a model.
      if (!['text', 'number', 'tel', 'url', 'password'].includes(question.inputType) || question.step) {
        this.modelOnly.push(`question "${question.name}" has inputType ${question.inputType}`);
      }
      return { kind: 'text', number, min: number ? numberOrUndefined(question.min) : undefined, max: number ? numberOrUndefined(question.max) : undefined };
    }
    if (type === 'comment') return { kind: 'text', number: false };
    if (type === 'expression') return { kind: 'free' };
    if (SINGLE.has(type) || (type === 'imagepicker' && !question.multiSelect)) return { kind: 'single', allowed: choiceValues(question), other: otherOf(question) };
    if (MULTIPLE.has(type) || type === 'imagepicker') {
      const exclusive = new Set<unknown>();
      for (const item of ['noneItem', 'refuseItem', 'dontKnowItem'] as const) {
        if (question[`show${item[0]!.toUpperCase()}${item.slice(1)}`] && question[item]) exclusive.add(question[item].value);
      }
      for (const choice of question.choices as AnyQuestion[]) if (choice.isExclusive) exclusive.add(choice.value);
      if (Number(question.minSelectedChoices) > 0) this.modelOnly.push(`question "${question.name}" has minSelectedChoices`);
      return { kind: 'multiple', allowed: choiceValues(question), exclusive, other: otherOf(question), maxSelected: Number(question.maxSelectedChoices) || 0 };
    }
    if (type === 'rating') return { kind: 'single', allowed: new Set((question.visibleRateValues as { value: unknown }[]).map((item) => item.value)) };
    if (type === 'boolean') return { kind: 'single', allowed: new Set([question.getValueTrue?.() ?? question.valueTrue ?? true, question.getValueFalse?.() ?? question.valueFalse ?? false]) };
    if (type === 'ranking') return { kind: 'ranking', allowed: new Set((question.choices as { value: unknown }[]).map((item) => item.value)), all: !question.selectToRankEnabled };
    if (type === 'matrix') {
      return {
        kind: 'matrix', rows: this.rows(question, scope), columns: new Set((question.columns as { value: unknown }[]).map((column) => column.value)),
        multiple: question.cellType === 'checkbox', eachRowRequired: question.eachRowRequired === true,
      };
    }
    if (type === 'matrixdropdown') return { kind: 'matrixdropdown', rows: this.rows(question, scope), columns: this.columns(question, scope) };
    if (type === 'matrixdynamic') {
      return { kind: 'matrixdynamic', columns: this.columns(question, scope), rowCount: question.rowCount, minRowCount: question.minRowCount, maxRowCount: question.maxRowCount };
    }
    if (type === 'multipletext') {
      const items = (question.items as AnyQuestion[]).map((item) => {
        const editor = item.editor as AnyQuestion;
        const rule = this.question(editor, [], [], scope);
        return { ...rule, key: item.name, required: item.isRequired === true };
      });
      return { kind: 'multipletext', items };
    }
    if (type === 'paneldynamic') {
      const panelScope = this.withLocal(scope, ['panel', 'panelindex']);
      const template: Rule[] = [];
      this.elements(question.template as Element, [], [], panelScope, template);
      return { kind: 'paneldynamic', template, panelCount: question.panelCount, minPanelCount: question.minPanelCount, maxPanelCount: question.maxPanelCount };
    }
    this.modelOnly.push(`question "${question.name}" is of type ${type}`);
    return { kind: 'unsupported', type };
  }

  rows(question: AnyQuestion, scope: ExpressionScope): Row[] {
    const itemScope = this.withLocal(scope, ['item', 'choice']);
    const shared = question.rowsVisibleIf ? [this.condition(question.rowsVisibleIf, itemScope)] : [];
    return (question.rows as AnyQuestion[]).map((row) => ({
      value: row.value,
      conditions: [...shared, ...(row.visibleIf ? [this.condition(row.visibleIf, itemScope)] : [])],
    }));
  }

  columns(question: AnyQuestion, scope: ExpressionScope): Column[] {
    // survey-core's row variables; a dynamic matrix's rows have no name of their own.
    const rowScope = this.withLocal(scope, question.getType() === 'matrixdropdown' ? ['row', 'rowindex', 'rowname', 'rowvalue', 'item'] : ['row', 'rowindex']);
    if (question.columnsVisibleIf) this.modelOnly.push(`matrix "${question.name}" has columnsVisibleIf`);
    if (question.detailPanelMode && question.detailPanelMode !== 'none') this.modelOnly.push(`matrix "${question.name}" has a detail panel`);
    return (question.columns as AnyQuestion[]).map((column) => {
      const template = column.templateQuestion as AnyQuestion;
      // A column without choices of its own takes the matrix's, as survey-core's cells do.
      const cellQuestion = template.isDescendantOf('selectbase') && (template.choices as unknown[]).length === 0 && (question.choices as unknown[]).length > 0
        ? withChoices(template, question.choices)
        : template;
      const cell = this.question(cellQuestion, [], [], rowScope);
      if (column.isUnique || column.totalType !== 'none') this.modelOnly.push(`column "${column.name}" of "${question.name}" is unique or totalled`);
      return { name: column.name, shown: this.switchOf(column.visibleIf, column.visible !== false, rowScope), cell: { ...cell, key: column.name, required: this.switchOf(column.requiredIf, column.isRequired === true, rowScope) } };
    });
  }
}

function withChoices(template: AnyQuestion, choices: unknown): AnyQuestion {
  const copy = new Model({ elements: [{ ...template.toJSON(), type: template.getType(), name: template.name || 'cell', choices: (choices as AnyQuestion[]).map((choice) => choice.toJSON()) }] });
  return copy.getAllQuestions()[0] as AnyQuestion;
}

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A choice question's own choices and the special items it shows (none, refuse, don't know, other). */
function choiceValues(question: AnyQuestion): Set<unknown> {
  const values = new Set<unknown>((question.choices as { value: unknown }[]).map((choice) => choice.value));
  if (question.choicesMin !== undefined && question.choicesMax !== undefined && question.choicesMax > question.choicesMin) {
    for (const choice of question.visibleChoices as { value: unknown }[]) values.add(choice.value);
  }
  for (const [shown, item] of [['showNoneItem', 'noneItem'], ['showRefuseItem', 'refuseItem'], ['showDontKnowItem', 'dontKnowItem'], ['showOtherItem', 'otherItem']] as const) {
    if (question[shown] && question[item]) values.add(question[item].value);
  }
  return values;
}

function otherOf(question: AnyQuestion): OtherRule | undefined {
  if (!question.showOtherItem || !question.otherItem) return undefined;
  return { value: question.otherItem.value, inComment: question.getStoreOthersAsComment() };
}
