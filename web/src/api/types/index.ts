/**
 * Every API shape the pages use, from one place: the server's contract (`src/api/contract`,
 * zod schemas and their inferred types), imported as types only so no server code reaches
 * the bundle. The few names below that the contract does not export are derived from it.
 */
import type {
  AccountDetail,
  ExecutionsOutcome,
  ModelVersion,
  RebalanceResponse,
} from '../../../../src/api/contract/index.js';

export type {
  AccountDetail,
  Allocation,
  ApiProblem,
  AuditEntry,
  AuditPage,
  AuditQuery,
  BacktestArmSummary,
  BacktestChart,
  BacktestDetail,
  BacktestList,
  BacktestListItem,
  BacktestSettings,
  BacktestSummaryView,
  BacktestYear,
  BacktestYearFigures,
  Booking,
  BookModelLine,
  BookOverview,
  BookTally,
  BulkApproveRequest,
  BulkApproveResponse,
  CustomizationCosts,
  CustomizationPrice,
  CustomizationRequest,
  CustomizationRequestCreate,
  CustomizationRequestList,
  CustomizationRequestListQuery,
  CustomizationRequestStatus,
  DecisionDone,
  ExecutionResult,
  ExecutionsOutcome,
  ExecutionsRequest,
  FillRequest,
  GainBudgetUse,
  Holding,
  HouseholdAccount,
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  HouseholdSummary,
  LotView,
  ModelCreateRequest,
  ModelDetail,
  ModelList,
  ModelSummary,
  ModelVersion,
  ModelVersionRequest,
  OrderDetail,
  OrderFill,
  OrderList,
  OrderOutcome,
  OrderStatus,
  OrdersCreated,
  OrderSummary,
  ProposalDetail,
  ProposalList,
  ProposalListQuery,
  ProposalStatus,
  ProposalSummary,
  ProposalTrade,
  RebalanceResponse,
  Role,
  RunCounts,
  RunDoneEvent,
  RunList,
  RunProgressEvent,
  RunSelection,
  RunStarted,
  RunStartRequest,
  RunView,
  SessionResponse,
  SessionUser,
  SettingsHistory,
  SettingsPutRequest,
  SettingsPutResponse,
  SettingsVersion,
  UserCreateRequest,
  UserList,
  UserPatchRequest,
  UserSummary,
} from '../../../../src/api/contract/index.js';

/** Account settings (interchange §1), as the API validates them. */
export type AccountSettings = AccountDetail['settings'];

/** One restriction of account settings. */
export type Restriction = NonNullable<AccountSettings['restrictions']>[number];

/** `noBuy`, `noSell` or `noHold`. */
export type RestrictionRule = Restriction['rule'];

/** One substitution of account settings. */
export type Substitution = NonNullable<AccountSettings['substitutions']>[number];

/** A model target: a security or a sub-model, with its weight. */
export type ModelTarget = ModelVersion['targets'][number];

/** One account's proposal in a rebalance response (interchange §2). */
export type AccountProposal = RebalanceResponse['accounts'][number];

/** Why a trade is proposed. */
export type TradeReason = AccountProposal['trades'][number]['reasons'][number];

/** A line or message of an executions file that could not be read (and was not booked). */
export type ExecutionProblem = ExecutionsOutcome['problems'][number];
