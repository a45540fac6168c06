import { unknownKeys } from './check-indicators.ts';
import type { QuestionInfo } from './questions.ts';
import { RESPONSE_COLUMNS, type ContrastSpec, type ModelSpec, type Problem, type SurveyMeta } from './types.ts';

const MODEL_KEYS = ['id', 'label', 'family', 'outcome', 'predictors', 'categorical'];
const CONTRAST_KEYS = ['id', 'label', 'indicator', 'type', 'group', 'time'];
/** Indicators with a value per respondent (0/1, a score, a value), which a model can use. */
const PER_RESPONDENT = new Set(['share', 'mean', 'scale', 'net', 'total']);
/** Indicators a difference in differences compares (means of per-respondent values). */
const CONTRASTED = new Set(['share', 'mean', 'scale', 'net']);
/** Response columns a table's data carry beside the questions (analysis-input.ts). */
const CATEGORICAL_FIELDS = new Set<string>(['wave', 'language', 'mode']);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const numeric = (question: QuestionInfo) =>
  question.values ? question.values.every((value) => typeof value === 'number') : question.type === 'text' && question.json.inputType === 'number';

/** The 0/1 columns `<question>_<choice>` of multiple-choice questions. */
export function flatColumns(questions: QuestionInfo[]): Set<string> {
  return new Set(questions.filter((question) => question.type === 'checkbox').flatMap((question) => (question.values ?? []).map((value) => `${question.name}_${value}`)));
}

/**
 * Checks `meta.models` (R `svyglm`, shared/INDICATORS.md second edition): known keys, a family of
 * gaussian or binomial, an outcome and predictors that are indicators with a per-respondent value or
 * questions of this questionnaire, categorical predictors among the predictors, text-valued
 * questions only as categorical, and a binomial outcome that is 0/1 (a share indicator or a 0/1 question).
 */
export function checkModels(meta: SurveyMeta, questions: QuestionInfo[], problems: Problem[]): void {
  const models: unknown = meta.models;
  if (models === undefined) return;
  if (!Array.isArray(models)) {
    problems.push({ path: 'meta.models', message: 'must be a list of models' });
    return;
  }
  const byName = new Map(questions.map((question) => [question.name, question]));
  const choiceColumns = flatColumns(questions);
  const indicators = new Map((meta.indicators ?? []).map((indicator) => [indicator.id, indicator]));
  const ids = new Set<string>();
  models.forEach((entry: unknown, index) => {
    const path = `meta.models[${index}]`;
    if (!isObject(entry)) {
      problems.push({ path, message: 'a model must be an object with id, family, outcome and predictors' });
      return;
    }
    const model = entry as unknown as ModelSpec;
    unknownKeys(model, MODEL_KEYS, path, problems);
    if (typeof model.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(model.id)) problems.push({ path: `${path}.id`, message: 'a model needs an id of lower-case letters, digits and underscores' });
    else if (ids.has(model.id)) problems.push({ path: `${path}.id`, message: `model id "${model.id}" is used twice` });
    ids.add(model.id);
    if (model.family !== 'gaussian' && model.family !== 'binomial') problems.push({ path: `${path}.family`, message: 'family must be "gaussian" or "binomial"' });
    const categorical: unknown[] = Array.isArray(model.categorical) ? model.categorical : [];
    if (model.categorical !== undefined && !Array.isArray(model.categorical)) problems.push({ path: `${path}.categorical`, message: 'must be a list of predictor names' });
    /** What a name stands for, or a problem: an indicator, a question, a choice column or a response column. */
    const variable = (name: unknown, at: string, asCategory: boolean): boolean => {
      if (typeof name !== 'string') {
        problems.push({ path: at, message: 'must name an indicator or a question' });
        return false;
      }
      const indicator = indicators.get(name);
      if (indicator && !asCategory) {
        if (!PER_RESPONDENT.has(indicator.type)) problems.push({ path: at, message: `indicator "${name}" is a ${indicator.type}, which has no value per respondent` });
        return true;
      }
      if (asCategory && CATEGORICAL_FIELDS.has(name)) return true;
      const question = byName.get(name);
      if (question && !['checkbox', 'tagbox'].includes(question.type)) {
        if (!asCategory && !numeric(question)) problems.push({ path: at, message: `"${name}" has text values (${(question.values ?? []).slice(0, 4).join(', ')}…); list it in "categorical"` });
        return true;
      }
      if (!asCategory && choiceColumns.has(name)) return true;
      problems.push({ path: at, message: `"${name}" is neither an indicator nor a question of this questionnaire${asCategory ? ` (nor ${[...CATEGORICAL_FIELDS].join(', ')})` : ''}` });
      return false;
    };
    if (variable(model.outcome, `${path}.outcome`, false) && model.family === 'binomial') {
      const indicator = indicators.get(model.outcome);
      const question = byName.get(model.outcome);
      const zeroOne = indicator ? indicator.type === 'share' : question?.values?.every((value) => value === 0 || value === 1) === true || choiceColumns.has(model.outcome);
      if (!zeroOne) problems.push({ path: `${path}.outcome`, message: 'a binomial model needs a 0/1 outcome: a share indicator or a question answered 0 or 1' });
    }
    if (!Array.isArray(model.predictors) || model.predictors.length === 0) {
      problems.push({ path: `${path}.predictors`, message: 'a model needs a list of at least one predictor' });
      return;
    }
    const seen = new Set<unknown>();
    model.predictors.forEach((name: unknown, k) => {
      const at = `${path}.predictors[${k}]`;
      if (seen.has(name)) problems.push({ path: at, message: `"${String(name)}" is listed twice` });
      seen.add(name);
      if (name === model.outcome) problems.push({ path: at, message: `"${String(name)}" is the outcome` });
      variable(name, at, categorical.includes(name));
    });
    categorical.forEach((name, k) => {
      if (!model.predictors.includes(name as string)) problems.push({ path: `${path}.categorical[${k}]`, message: `"${String(name)}" is not one of the model's predictors` });
    });
  });
}

/**
 * Checks `meta.contrasts`: each a `did` (difference in differences) of an indicator that is a
 * mean of per-respondent values, between two groups of one column dimension and two times of
 * another, with values the questions allow.
 */
export function checkContrasts(meta: SurveyMeta, questions: QuestionInfo[], problems: Problem[]): void {
  const contrasts: unknown = meta.contrasts;
  if (contrasts === undefined) return;
  if (!Array.isArray(contrasts)) {
    problems.push({ path: 'meta.contrasts', message: 'must be a list of contrasts' });
    return;
  }
  const byName = new Map(questions.map((question) => [question.name, question]));
  const ids = new Set<string>();
  contrasts.forEach((entry: unknown, index) => {
    const path = `meta.contrasts[${index}]`;
    if (!isObject(entry)) {
      problems.push({ path, message: 'a contrast must be an object with id, type, indicator, group and time' });
      return;
    }
    const contrast = entry as unknown as ContrastSpec;
    unknownKeys(contrast, CONTRAST_KEYS, path, problems);
    if (typeof contrast.id !== 'string' || contrast.id === '') problems.push({ path: `${path}.id`, message: 'a contrast needs an id' });
    else if (ids.has(contrast.id)) problems.push({ path: `${path}.id`, message: `contrast id "${contrast.id}" is used twice` });
    ids.add(contrast.id);
    if (contrast.type !== 'did') problems.push({ path: `${path}.type`, message: 'type must be "did" (difference in differences)' });
    const indicator = (meta.indicators ?? []).find((candidate) => candidate.id === contrast.indicator);
    if (!indicator) problems.push({ path: `${path}.indicator`, message: `no indicator "${String(contrast.indicator)}"` });
    else if (!CONTRASTED.has(indicator.type)) problems.push({ path: `${path}.indicator`, message: `a did contrast compares shares, means, scales or net scores, not a ${indicator.type}` });
    const part = (key: 'group' | 'time', values: [string, string]) => {
      const at = `${path}.${key}`;
      const given: unknown = contrast[key];
      if (!isObject(given)) {
        problems.push({ path: at, message: `needs { dimension, ${values.join(', ')} }` });
        return undefined;
      }
      unknownKeys(given, ['dimension', ...values], at, problems);
      const dimension = typeof given.dimension === 'string' ? meta.dimensions?.[given.dimension] : undefined;
      if (!dimension || !('column' in dimension)) {
        problems.push({ path: `${at}.dimension`, message: `"${String(given.dimension)}" is not a dimension with a column (${Object.keys(meta.dimensions ?? {}).join(', ')})` });
        return given.dimension;
      }
      const question = byName.get(dimension.column);
      const allowed = question?.values?.map(String);
      for (const value of values) {
        const chosen = given[value];
        if (typeof chosen !== 'string' || chosen === '') problems.push({ path: `${at}.${value}`, message: 'must be a value of the dimension, as text (e.g. "2024")' });
        else if (allowed && !allowed.includes(chosen)) problems.push({ path: `${at}.${value}`, message: `"${chosen}" is not a value of "${dimension.column}"` });
      }
      if (typeof given[values[0]] === 'string' && given[values[0]] === given[values[1]]) problems.push({ path: `${at}.${values[1]}`, message: `must differ from "${values[0]}"` });
      return given.dimension;
    };
    const group = part('group', ['treated', 'control']);
    const time = part('time', ['before', 'after']);
    if (group !== undefined && group === time) problems.push({ path: `${path}.time.dimension`, message: 'must be another dimension than the group\'s' });
  });
}

/** Design keys of shared/INDICATORS.md; a response column (RESPONSE_COLUMNS) or a question names each column. */
const DESIGN_KEYS = ['weight', 'strata', 'cluster', 'lonelyPsu', 'fpc', 'replicates'];
const REPLICATE_KEYS = ['columns', 'type', 'scale', 'rscales', 'rho', 'mse'];
const REPLICATE_TYPES = ['BRR', 'Fay', 'JK1', 'JKn', 'bootstrap', 'other'];

/** Checks `meta.design`: known keys, columns that exist, and replicate weights R's `svrepdesign` would take. */
export function checkDesign(meta: SurveyMeta, isColumn: (name: unknown) => boolean, problems: Problem[]): void {
  const design: unknown = meta.design;
  if (design === undefined) return;
  if (!isObject(design)) {
    problems.push({ path: 'meta.design', message: 'must be an object' });
    return;
  }
  unknownKeys(design, DESIGN_KEYS, 'meta.design', problems);
  for (const key of ['weight', 'strata', 'cluster', 'fpc']) {
    const column = design[key];
    if (column !== undefined && !isColumn(column)) problems.push({ path: `meta.design.${key}`, message: `"${String(column)}" is neither a question nor a response column (${RESPONSE_COLUMNS.join(', ')})` });
  }
  const replicates = design.replicates;
  if (replicates === undefined) return;
  const path = 'meta.design.replicates';
  if (!isObject(replicates)) {
    problems.push({ path, message: 'needs { columns, type }' });
    return;
  }
  unknownKeys(replicates, REPLICATE_KEYS, path, problems);
  if (!Array.isArray(replicates.columns) || replicates.columns.length < 2) problems.push({ path: `${path}.columns`, message: 'must list at least two replicate weight columns' });
  else replicates.columns.forEach((column, k) => { if (!isColumn(column)) problems.push({ path: `${path}.columns[${k}]`, message: `"${String(column)}" is not a question of this questionnaire` }); });
  const type = replicates.type;
  if (typeof type !== 'string' || !REPLICATE_TYPES.includes(type)) problems.push({ path: `${path}.type`, message: `must be one of ${REPLICATE_TYPES.join(', ')}` });
  if (type === 'Fay' && !(typeof replicates.rho === 'number' && replicates.rho >= 0 && replicates.rho < 1)) problems.push({ path: `${path}.rho`, message: 'a Fay design needs rho in [0, 1)' });
  if (type !== 'Fay' && replicates.rho !== undefined && replicates.rho !== null) problems.push({ path: `${path}.rho`, message: 'only a Fay design takes rho' });
  if ((type === 'BRR' || type === 'Fay') && replicates.scale !== undefined && replicates.scale !== null) problems.push({ path: `${path}.scale`, message: `a ${type} design's scale is fixed by R; remove it` });
  if (replicates.scale !== undefined && replicates.scale !== null && !(typeof replicates.scale === 'number' && replicates.scale > 0)) problems.push({ path: `${path}.scale`, message: 'must be a positive number' });
  if (type === 'JKn' && (replicates.rscales === undefined || replicates.rscales === null)) problems.push({ path: `${path}.rscales`, message: 'a JKn design needs rscales ((n_h - 1)/n_h per replicate), as R does' });
  if (replicates.mse !== undefined && replicates.mse !== null && typeof replicates.mse !== 'boolean') problems.push({ path: `${path}.mse`, message: 'must be true or false' });
  if (Object.keys(meta.weighting?.rake ?? {}).length > 0) problems.push({ path: 'meta.weighting.rake', message: 'a design with replicate weights cannot be raked here (its replicate weights would need raking too); rake them before and drop the margins' });
}
