/**
 * The system of record: PostgreSQL through Drizzle — embedded PGlite by default, a server via
 * `DATABASE_URL` — with versioned migrations applied on open (docs/architecture.md).
 */
export { insertChunked } from './chunked-insert.js';
export {
  writeFirm,
  type DecimalInput,
  type FirmAccount,
  type FirmCounts,
  type FirmData,
  type FirmHousehold,
  type FirmLot,
  type FirmModel,
  type FirmPrice,
  type FirmSecurity,
  type FirmSettings,
  type FirmTransaction,
} from './firm-writer.js';
export {
  loadKnownIds,
  writeFeed,
  type FeedCounts,
  type FeedKindCount,
  type FeedWriteData,
  type FeedWriteOptions,
  type FeedWriteTransaction,
} from './feed-writer.js';
export {
  hashRequest,
  loadHouseholdInputs,
  type HouseholdInput,
  type RequestOptions,
} from './household-requests.js';
export {
  createBlockOrders,
  type BlockAllocation,
  type BlockFill,
  type BlockOrder,
  type BlockOrderResult,
} from './block-orders.js';
export { getOrder, listOrders, unfilledPart, type OrderFilter } from './block-orders-list.js';
export { cancelOrder } from './fills-cancel.js';
export {
  bookExecutions,
  executionMessage,
  executionOutcome,
  outcomeCounts,
  type BustToBook,
  type ExecutionOutcome,
  type ExecutionToBook,
} from './executions.js';
export { undoExecution, type ExecutionUndo } from './undo-execution.js';
export {
  fillOrder,
  MAX_FILL_PRICE,
  type Booking,
  type FillOptions,
  type OrderOutcome,
  type OrderRefusal,
  type Settled,
} from './fills.js';
export {
  approve,
  approveMany,
  reject,
  type DecisionRefusal,
  type DecisionResult,
} from './lifecycle.js';
export {
  loadMarketSnapshot,
  rowsOf,
  type MarketSnapshot,
  type PriceOn,
} from './market-snapshot.js';
export {
  openStore,
  redactUrl,
  tailorHome,
  type Db,
  type Store,
  type StoreOptions,
} from './open-store.js';
export {
  createRun,
  finishRun,
  getRun,
  pendingHouseholds,
  proposalStatus,
  runHouseholds,
  runSummary,
  unfinishedRuns,
  writeProposal,
  writeProposals,
  type NewRun,
  type ProposalInput,
  type RunRow,
  type RunSummary,
} from './runs-repo.js';
export {
  latestRunId,
  listProposals,
  PROPOSAL_STATUSES,
  type ProposalFilter,
  type ProposalLine,
} from './proposal-list.js';
export * as schema from './schema/index.js';
export {
  modelVersion,
  saveAccountSettings,
  saveModelVersion,
  settingsHistory,
} from './versions.js';
export {
  accountFigures,
  DEFAULT_DRIFT_THRESHOLD,
  outOfTolerance,
  thresholdOf,
  type AccountFigures,
  type FigureScope,
} from './account-figures.js';
export type { HoldingLine, LotLine } from './account-holdings.js';
export { accountOwner, getAccount, type AccountView } from './account-reads.js';
export {
  createApiToken,
  findApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiTokenRow,
} from './api-tokens-repo.js';
export { auditPage, type AuditQuery, type AuditRow } from './audit-reads.js';
export {
  getBacktest,
  listBacktests,
  saveBacktest,
  type BacktestLine,
  type BacktestRow,
} from './backtests-repo.js';
export type { BacktestDocument } from './schema/index.js';
export { bookOverview, type BookView, type ModelLine } from './book-overview.js';
export { bookFigureRows, refreshBookFigures, type Refreshed } from './book-figures.js';
export {
  createCustomizationRequest,
  decideCustomizationRequest,
  getCustomizationRequest,
  listCustomizationRequests,
  type CustomizationDecision,
  type CustomizationRequestQuery,
  type CustomizationRequestRow,
} from './customization-requests-repo.js';
export type { GainBudgetUse } from './gain-budget-use.js';
export {
  getHousehold,
  listHouseholds,
  type HouseholdAccountView,
  type HouseholdLine,
  type HouseholdQuery,
  type HouseholdView,
} from './household-reads.js';
export { latestModels, type LatestModel } from './model-weights.js';
export {
  checkModelTargets,
  listModelPage,
  modelExists,
  modelVersions,
  writeModelVersion,
  type ModelRow,
} from './model-writes.js';
export { listOrderPage, type OrderLine } from './order-reads.js';
export {
  getProposal,
  listProposalPage,
  type ProposalQuery,
  type ProposalRow,
  type ProposalView,
} from './proposal-reads.js';
export {
  getRunLine,
  listRunPage,
  runResponses,
  saveRunReport,
  type RunCounts,
  type RunLine,
} from './run-reads.js';
export {
  createSession,
  deleteSession,
  findSession,
  purgeExpiredSessions,
  type SessionRow,
} from './sessions-repo.js';
export {
  createUser,
  getUser,
  listUsers,
  updateUser,
  type NewUser,
  type UserPatch,
  type UserRow,
} from './users-repo.js';
