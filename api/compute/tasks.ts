import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { surveys, type Survey } from '../db/schema.ts';
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
 * column cache and prepared designs of its own connection between requests.
 */
export const computeTasks = {
  /** With the compute thread's helper (a second core), the estimates are made on two threads. */
  table(db: Db, args: { surveyId: number; query: IndicatorQuery; reliabilityBy?: string[] }, helper?: EstimateHelper): IndicatorTable | Promise<IndicatorTable> {
    const survey = surveyById(db, args.surveyId);
    return helper ? indicatorTableOnTwoThreads(db, survey, args.query, args.reliabilityBy, helper) : indicatorTable(db, survey, args.query, args.reliabilityBy);
  },
  models(db: Db, args: { surveyId: number; query: ModelQuery }): ModelTable {
    return modelTable(db, surveyById(db, args.surveyId), args.query);
  },
  targets(db: Db, args: { surveyId: number; weighting: Weighting }): TargetTable {
    return targetTable(db, surveyById(db, args.surveyId), { weighting: args.weighting });
  },
  report(db: Db, args: { surveyId: number; wave?: number; weighting: Weighting }): ReportData {
    const { surveyId, ...options } = args;
    return reportData(db, surveyById(db, surveyId), options);
  },
  warm(db: Db): WarmedSurvey[] {
    return warmIndicatorTables(db);
  },
};

export type ComputeTasks = typeof computeTasks;
export type TaskName = keyof ComputeTasks;

function surveyById(db: Db, id: number): Survey {
  const survey = db.select().from(surveys).where(eq(surveys.id, id)).get();
  if (!survey) throw new ApiError(404, 'The survey no longer exists.');
  return survey;
}
