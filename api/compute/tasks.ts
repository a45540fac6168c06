import type { Survey } from '../db/schema.ts';
import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';
import { ApiError } from '../errors.ts';
import type { Weighting } from '../indicators/analysis-input.ts';
import type { IndicatorQuery } from '../indicators/query.ts';
import { modelTable, type ModelQuery, type ModelTable } from '../indicators/model-table.ts';
import { targetTable, type TargetTable } from '../indicators/target-table.ts';
import { indicatorTable, type IndicatorTable } from '../indicators/table.ts';
import { warmIndicatorTables, type WarmedSurvey } from '../indicators/warm.ts';
import { reportData, type ReportData } from '../report/build.ts';
import { indicatorTableOnTwoThreads, type EstimateHelper } from './estimate-helper.ts';

/**
 * The heavy work the API hands to the compute thread (compute-thread.ts), by name: each takes a
 * connection and plain data (a survey by id, a parsed query) and returns plain data, so it runs
 * the same on the request thread (in-memory databases, tests) and in the worker, which keeps the
 * column cache and prepared designs of its own connection (or PostgreSQL pool) between requests.
 */
export const computeTasks = {
  /** With the compute thread's helper (a second core), the estimates are made on two threads. */
  async table(db: IndicatorSource, args: { surveyId: number; query: IndicatorQuery; reliabilityBy?: string[] }, helper?: EstimateHelper): Promise<IndicatorTable> {
    const survey = await surveyById(db, args.surveyId);
    return helper ? indicatorTableOnTwoThreads(db, survey, args.query, args.reliabilityBy, helper) : indicatorTable(db, survey, args.query, args.reliabilityBy);
  },
  async models(db: IndicatorSource, args: { surveyId: number; query: ModelQuery }): Promise<ModelTable> {
    return modelTable(db, await surveyById(db, args.surveyId), args.query);
  },
  async targets(db: IndicatorSource, args: { surveyId: number; weighting: Weighting }): Promise<TargetTable> {
    return targetTable(db, await surveyById(db, args.surveyId), { weighting: args.weighting });
  },
  async report(db: IndicatorSource, args: { surveyId: number; wave?: number; weighting: Weighting }): Promise<ReportData> {
    const { surveyId, ...options } = args;
    return reportData(db, await surveyById(db, surveyId), options);
  },
  warm(db: IndicatorSource): Promise<WarmedSurvey[]> {
    return warmIndicatorTables(db);
  },
};

export type ComputeTasks = typeof computeTasks;
export type TaskName = keyof ComputeTasks;

async function surveyById(db: IndicatorSource, id: number): Promise<Survey> {
  const survey = await indicatorStoreOf(db).surveyById(id);
  if (!survey) throw new ApiError(404, 'The survey no longer exists.');
  return survey;
}
