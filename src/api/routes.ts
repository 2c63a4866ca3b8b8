/**
 * THE table of routes: every path the API answers, who may call it (docs/api.md, "Roles"),
 * whether advisors are scoped to their own households, its schemas and its handler. The app,
 * the OpenAPI document, the docs page and the access-control test all read this table; a route
 * that is not here does not exist.
 */
import type { z } from 'zod';
import * as api from './contract/index.js';
import { docsHandler, healthHandler, openApiHandler } from './handlers/meta.js';
import { accountHandler, putSettingsHandler, settingsHistoryHandler } from './handlers/accounts.js';
import { auditHandler } from './handlers/audit.js';
import { bookHandler } from './handlers/book.js';
import { customizationCostsHandler } from './handlers/customization-costs.js';
import * as requests from './handlers/customization-requests.js';
import { householdHandler, listHouseholdsHandler } from './handlers/households.js';
import { ledgerHandler, rebalanceHandler } from './handlers/interchange.js';
import * as models from './handlers/models.js';
import * as orders from './handlers/orders.js';
import * as proposals from './handlers/proposals.js';
import { runEventsHandler } from './handlers/run-events.js';
import { listRunsHandler, runHandler, startRunHandler } from './handlers/runs.js';
import { login, logout, whoAmI } from './handlers/session.js';
import { createToken, listTokens, revokeToken } from './handlers/tokens.js';
import { createUserHandler, listUsersHandler, patchUserHandler } from './handlers/users.js';
import { route, type AnyRoute } from './route-types.js';

const BOOK = ['admin', 'pm', 'trader', 'viewer'] as const;
const EDIT = ['admin', 'pm'] as const;
const TRADE = ['admin', 'trader'] as const;
const ORDERS_READ = ['admin', 'trader', 'viewer', 'pm'] as const;

const json = (schema: z.ZodType, description = 'OK') => ({ description, schema });
const none = (description: string) => ({ description });

/** Every route, in matching order (a literal segment before a parameter). */
export const ROUTES: readonly AnyRoute[] = [
  route({
    method: 'GET',
    path: '/healthz',
    access: 'public',
    tag: 'meta',
    summary: 'Liveness, and the version running',
    responses: { 200: json(api.HealthSchema) },
    handler: healthHandler,
  }),
  route({
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document', contentType: 'application/json' } },
    handler: openApiHandler,
  }),
  route({
    method: 'GET',
    path: '/docs',
    access: 'public',
    tag: 'meta',
    summary: 'The API reference page',
    responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    handler: docsHandler,
  }),

  route({
    method: 'POST',
    path: '/v1/session',
    access: 'public',
    tag: 'session',
    summary: 'Log in: sets the session cookie, answers the CSRF token',
    body: api.LoginRequestSchema,
    responses: {
      200: json(api.SessionResponseSchema),
      401: none('Wrong username or password'),
      429: none('Too many failed logins (Retry-After)'),
    },
    handler: login,
  }),
  route({
    method: 'GET',
    path: '/v1/session',
    access: 'any',
    tag: 'session',
    summary: 'Who am I (and the session CSRF token)',
    responses: { 200: json(api.SessionResponseSchema) },
    handler: whoAmI,
  }),
  route({
    method: 'DELETE',
    path: '/v1/session',
    access: 'any',
    tag: 'session',
    summary: 'Log out',
    responses: { 204: none('Logged out') },
    handler: logout,
  }),

  route({
    method: 'GET',
    path: '/v1/tokens',
    access: 'any',
    tag: 'tokens',
    summary: "One's own API tokens",
    responses: { 200: json(api.TokenListSchema) },
    handler: listTokens,
  }),
  route({
    method: 'POST',
    path: '/v1/tokens',
    access: 'any',
    tag: 'tokens',
    summary: 'Create an API token (shown once)',
    body: api.TokenCreateRequestSchema,
    responses: { 201: json(api.TokenCreatedSchema, 'Created') },
    handler: createToken,
  }),
  route({
    method: 'DELETE',
    path: '/v1/tokens/:id',
    access: 'any',
    tag: 'tokens',
    summary: 'Revoke one of one’s own tokens',
    responses: { 204: none('Revoked'), 404: none('No such token of yours') },
    handler: revokeToken,
  }),

  route({
    method: 'GET',
    path: '/v1/users',
    access: ['admin'],
    tag: 'users',
    summary: 'Users',
    query: api.PageQuerySchema,
    responses: { 200: json(api.UserListSchema) },
    handler: listUsersHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/users',
    access: ['admin'],
    tag: 'users',
    summary: 'Create a user',
    body: api.UserCreateRequestSchema,
    responses: { 201: json(api.UserSummarySchema, 'Created'), 409: none('The username is taken') },
    handler: createUserHandler,
  }),
  route({
    method: 'PATCH',
    path: '/v1/users/:username',
    access: ['admin'],
    tag: 'users',
    summary: 'Change a user’s role, advisor, password or disabled flag',
    body: api.UserPatchRequestSchema,
    responses: { 200: json(api.UserSummarySchema), 404: none('No such user') },
    handler: patchUserHandler,
  }),

  route({
    method: 'POST',
    path: '/v1/rebalance',
    access: 'any',
    tag: 'stateless',
    summary: 'Rebalance a household: interchange §1 in, §2 out',
    body: api.RebalanceRequestSchema,
    responses: { 200: json(api.RebalanceResponseSchema) },
    handler: rebalanceHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/ledger',
    access: 'any',
    tag: 'stateless',
    summary: 'Replay a tax-lot history: interchange §3 in, §4 out',
    body: api.LedgerRequestSchema,
    responses: { 200: json(api.LedgerResponseSchema) },
    handler: ledgerHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/book',
    access: BOOK,
    tag: 'book',
    summary: 'Overview: assets, tolerance, harvestable losses, gain budgets, by model',
    responses: { 200: json(api.BookOverviewSchema) },
    handler: bookHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/households',
    access: 'any',
    advisorScope: 'own',
    tag: 'book',
    summary: 'Households with value and largest drift',
    query: api.HouseholdListQuerySchema,
    responses: { 200: json(api.HouseholdListSchema) },
    handler: listHouseholdsHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/households/:id',
    access: 'any',
    advisorScope: 'own',
    tag: 'book',
    summary: 'A household and its accounts',
    responses: {
      200: json(api.HouseholdDetailSchema),
      404: none('No such household (or not yours)'),
    },
    handler: householdHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/households/:id/customization-costs',
    access: 'any',
    advisorScope: 'own',
    tag: 'book',
    summary: 'Each customization’s price tag: tracking error and tax',
    responses: {
      200: json(api.CustomizationCostsSchema),
      404: none('No such household (or not yours)'),
    },
    handler: customizationCostsHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/accounts/:id',
    access: 'any',
    advisorScope: 'own',
    tag: 'book',
    summary: 'An account: holdings, lots, settings',
    responses: { 200: json(api.AccountDetailSchema), 404: none('No such account (or not yours)') },
    handler: accountHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/accounts/:id/settings',
    access: 'any',
    advisorScope: 'own',
    tag: 'book',
    summary: 'Every settings version of an account',
    responses: {
      200: json(api.SettingsHistorySchema),
      404: none('No such account (or not yours)'),
    },
    handler: settingsHistoryHandler,
  }),
  route({
    method: 'PUT',
    path: '/v1/accounts/:id/settings',
    access: EDIT,
    tag: 'book',
    summary: 'A new settings version',
    body: api.SettingsPutRequestSchema,
    responses: { 200: json(api.SettingsPutResponseSchema), 404: none('No such account') },
    handler: putSettingsHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/customization-requests',
    access: 'any',
    advisorScope: 'own',
    tag: 'customization',
    summary: 'Customization requests, newest first',
    query: api.CustomizationRequestListQuerySchema,
    responses: { 200: json(api.CustomizationRequestListSchema) },
    handler: requests.listRequestsHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/customization-requests',
    access: ['admin', 'pm', 'advisor'],
    advisorScope: 'own',
    tag: 'customization',
    summary: 'Request a change of an account’s settings',
    body: api.CustomizationRequestCreateSchema,
    responses: {
      201: json(api.CustomizationRequestSchema, 'Created'),
      404: none('No such account (or not yours)'),
    },
    handler: requests.createRequestHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/customization-requests/:id/approve',
    access: EDIT,
    tag: 'customization',
    summary: 'Approve: the settings become a new version',
    body: api.DecisionNoteSchema,
    responses: {
      200: json(api.CustomizationRequestSchema),
      404: none('No such request'),
      409: none('Already decided'),
    },
    handler: requests.decideRequestHandler('approved'),
  }),
  route({
    method: 'POST',
    path: '/v1/customization-requests/:id/reject',
    access: EDIT,
    tag: 'customization',
    summary: 'Reject, with a note',
    body: api.RejectionNoteSchema,
    responses: {
      200: json(api.CustomizationRequestSchema),
      404: none('No such request'),
      409: none('Already decided'),
    },
    handler: requests.decideRequestHandler('rejected'),
  }),

  route({
    method: 'GET',
    path: '/v1/models',
    access: 'any',
    tag: 'models',
    summary: 'Models (latest version each)',
    query: api.ModelListQuerySchema,
    responses: { 200: json(api.ModelListSchema) },
    handler: models.listModelsHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/models/:id',
    access: 'any',
    tag: 'models',
    summary: 'A model’s versions, newest first',
    responses: { 200: json(api.ModelDetailSchema), 404: none('No such model') },
    handler: models.modelHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/models',
    access: EDIT,
    tag: 'models',
    summary: 'Create a model',
    body: api.ModelCreateRequestSchema,
    responses: { 201: json(api.ModelVersionSchema, 'Created'), 409: none('The model exists') },
    handler: models.createModelHandler,
  }),
  route({
    method: 'PUT',
    path: '/v1/models/:id',
    access: EDIT,
    tag: 'models',
    summary: 'A new version of a model',
    body: api.ModelVersionRequestSchema,
    responses: { 200: json(api.ModelVersionSchema), 404: none('No such model') },
    handler: models.putModelHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/runs',
    access: BOOK,
    tag: 'runs',
    summary: 'Runs with their counts and book tally, newest first',
    query: api.RunListQuerySchema,
    responses: { 200: json(api.RunListSchema) },
    handler: listRunsHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/runs',
    access: EDIT,
    tag: 'runs',
    summary: 'Start a run in the server (one at a time)',
    body: api.RunStartRequestSchema,
    responses: {
      202: json(api.RunStartedSchema, 'Started'),
      409: none('A run is in progress, or the store has no prices'),
    },
    handler: startRunHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/runs/:id',
    access: BOOK,
    tag: 'runs',
    summary: 'A run with its counts and book tally',
    responses: { 200: json(api.RunViewSchema), 404: none('No such run') },
    handler: runHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/runs/:id/events',
    access: BOOK,
    tag: 'runs',
    summary: 'Server-sent events: progress, then done',
    responses: {
      200: {
        description: '`progress` (RunProgressEvent) events, then one `done` (RunDoneEvent)',
        contentType: 'text/event-stream',
      },
      404: none('No such run'),
    },
    handler: runEventsHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/proposals',
    access: 'any',
    advisorScope: 'own',
    tag: 'proposals',
    summary: 'Proposals, newest first (run=latest for the latest run)',
    query: api.ProposalListQuerySchema,
    responses: { 200: json(api.ProposalListSchema) },
    handler: proposals.listProposalsHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/proposals/approve',
    access: TRADE,
    tag: 'proposals',
    summary: 'Approve many: per id approved or refused with the reason',
    body: api.BulkApproveRequestSchema,
    responses: { 200: json(api.BulkApproveResponseSchema) },
    handler: proposals.approveManyHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/proposals/:id',
    access: 'any',
    advisorScope: 'own',
    tag: 'proposals',
    summary: 'A proposal with its trades and their reasons',
    responses: {
      200: json(api.ProposalDetailSchema),
      404: none('No such proposal (or not yours)'),
    },
    handler: proposals.proposalHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/proposals/:id/approve',
    access: TRADE,
    tag: 'proposals',
    summary: 'Approve (re-checks staleness)',
    body: api.ApproveRequestSchema,
    responses: {
      200: json(api.DecisionDoneSchema),
      404: none('No such proposal'),
      409: none('Stale, already decided, or the household has a live proposal'),
    },
    handler: proposals.approveHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/proposals/:id/reject',
    access: TRADE,
    tag: 'proposals',
    summary: 'Reject, with a note',
    body: api.RejectRequestSchema,
    responses: {
      200: json(api.DecisionDoneSchema),
      404: none('No such proposal'),
      409: none('Already decided'),
    },
    handler: proposals.rejectHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/orders',
    access: ORDERS_READ,
    tag: 'orders',
    summary: 'Block orders, newest first',
    query: api.OrderListQuerySchema,
    responses: { 200: json(api.OrderListSchema) },
    handler: orders.listOrdersHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/orders',
    access: TRADE,
    tag: 'orders',
    summary: 'Aggregate the approved proposals into block orders',
    responses: {
      201: json(api.OrdersCreatedSchema, 'Created'),
      200: json(api.OrdersCreatedSchema, 'Nothing approved: no orders'),
    },
    handler: orders.createOrdersHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/orders/export',
    access: TRADE,
    tag: 'orders',
    summary: 'The open orders as CSV or FIX 4.4 NewOrderSingle',
    query: api.OrderExportQuerySchema,
    responses: {
      200: {
        description: 'CSV (format=csv) or FIX messages, one per line (format=fix)',
        contentType: 'text/csv',
      },
    },
    handler: orders.exportOrdersHandler,
  }),
  route({
    method: 'GET',
    path: '/v1/orders/:id',
    access: ORDERS_READ,
    tag: 'orders',
    summary: 'A block order and its allocations',
    responses: { 200: json(api.OrderDetailSchema), 404: none('No such order') },
    handler: orders.orderHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/orders/:id/fill',
    access: TRADE,
    tag: 'orders',
    summary: 'Book the order filled at a price, through the ledger',
    body: api.FillRequestSchema,
    responses: {
      200: json(api.OrderOutcomeSchema),
      404: none('No such order'),
      409: none('Not open, or the ledger refuses'),
    },
    handler: orders.fillHandler,
  }),
  route({
    method: 'POST',
    path: '/v1/orders/:id/cancel',
    access: TRADE,
    tag: 'orders',
    summary: 'Cancel an open order (books nothing)',
    body: api.CancelRequestSchema,
    responses: {
      200: json(api.OrderOutcomeSchema),
      404: none('No such order'),
      409: none('Not open'),
    },
    handler: orders.cancelHandler,
  }),

  route({
    method: 'GET',
    path: '/v1/audit',
    access: BOOK,
    tag: 'audit',
    summary: 'The append-only audit log, newest first',
    query: api.AuditQuerySchema,
    responses: { 200: json(api.AuditPageSchema) },
    handler: auditHandler,
  }),
];
