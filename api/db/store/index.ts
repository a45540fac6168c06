import type { Db } from '../open.ts';
import type { PgDb } from '../pg/open.ts';
import { sqliteAccess, type AccessStore } from './access.ts';
import { sqliteAccounts, type AccountsStore } from './accounts.ts';
import { sqliteAudit, type AuditStore } from './audit.ts';
import { sqliteExports, type ExportStore } from './exports.ts';
import { sqliteHealth, type HealthStore } from './health.ts';
import { sqliteRateLimits, type RateLimitStore } from './rate-limits.ts';
import { postgresRateLimits } from './pg/rate-limits.ts';
import { sqliteIndicatorStore, type IndicatorStore } from './indicators.ts';
import { postgresAccess } from './pg/access.ts';
import { postgresAccounts } from './pg/accounts.ts';
import { postgresAudit } from './pg/audit.ts';
import { postgresExports } from './pg/exports.ts';
import { postgresHealth } from './pg/health.ts';
import { postgresResponses } from './pg/responses.ts';
import { sqliteResponses, type ResponsesStore } from './responses.ts';
import { postgresIndicatorStore } from './pg/indicators.ts';
import { postgresSurveys } from './pg/surveys.ts';
import { postgresDrafts } from './pg/drafts.ts';
import { sqliteDrafts, type DraftsStore } from './drafts.ts';
import { sqliteSurveys, type SurveysStore } from './surveys.ts';
import { sqliteFieldwork, type FieldworkStore } from './fieldwork.ts';
import { postgresFieldwork } from './pg/fieldwork.ts';
import { sqliteQuality, type QualityStore } from './quality.ts';
import { postgresQuality } from './pg/quality.ts';
import { sqliteData, type DataStore } from './data.ts';
import { postgresData } from './pg/data.ts';
import { sqliteImports, type ImportsStore } from './imports.ts';
import { postgresImports } from './pg/imports.ts';

/**
 * Everything the routes ask of the database, one asynchronous interface per job (decision 014).
 * Routes call `store.<job>.<fn>()` and never learn which database answers; SQL that differs by
 * dialect lives only in `store/<job>.ts` (SQLite) and `store/pg/<job>.ts` (PostgreSQL).
 */
export interface Store {
  dialect: 'sqlite' | 'postgres';
  health: HealthStore;
  access: AccessStore;
  responses: ResponsesStore;
  /** Indicator tables, models, targets, reports and exports: stored rows as columns, change stamp. */
  indicators: IndicatorStore;
  /** Microdata exports: stored rows page by page. */
  exports: ExportStore;
  surveys: SurveysStore;
  accounts: AccountsStore;
  audit: AuditStore;
  rateLimits: RateLimitStore;
  drafts: DraftsStore;
  /** Opening and closing fieldwork, versions with counts, members, the manage page. */
  fieldwork: FieldworkStore;
  /** The fieldwork quality flags' reads: responses with durations, days and chosen answers. */
  quality: QualityStore;
  /** Microdata for researchers (list, fetch, erase) and the fieldwork monitor's counts. */
  data: DataStore;
  /** Earlier waves' microdata stored as responses: all rows and the audit entry in one transaction. */
  imports: ImportsStore;
}

/** Today's synchronous SQLite code behind the interface: resolved promises, no change in behaviour. */
export function sqliteStore(db: Db): Store {
  return {
    dialect: 'sqlite',
    health: sqliteHealth(db),
    access: sqliteAccess(db),
    responses: sqliteResponses(db),
    indicators: sqliteIndicatorStore(db),
    exports: sqliteExports(db),
    surveys: sqliteSurveys(db),
    accounts: sqliteAccounts(db),
    audit: sqliteAudit(db),
    rateLimits: sqliteRateLimits(),
    drafts: sqliteDrafts(db),
    fieldwork: sqliteFieldwork(db),
    quality: sqliteQuality(db),
    data: sqliteData(db),
    imports: sqliteImports(db),
  };
}

/** The same interface on PostgreSQL (node-postgres through drizzle's pg-core). */
export function postgresStore(pg: PgDb): Store {
  return {
    dialect: 'postgres',
    health: postgresHealth(pg),
    access: postgresAccess(pg),
    responses: postgresResponses(pg),
    indicators: postgresIndicatorStore(pg),
    exports: postgresExports(pg),
    surveys: postgresSurveys(pg),
    accounts: postgresAccounts(pg),
    audit: postgresAudit(pg),
    rateLimits: postgresRateLimits(pg),
    drafts: postgresDrafts(pg),
    fieldwork: postgresFieldwork(pg),
    quality: postgresQuality(pg),
    data: postgresData(pg),
    imports: postgresImports(pg),
  };
}
