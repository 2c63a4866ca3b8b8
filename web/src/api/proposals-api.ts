/** Proposal calls. */
import { get, post } from './client';
import type {
  BulkApproveResponse,
  DecisionDone,
  ProposalDetail,
  ProposalList,
  ProposalListQuery,
} from './types';

/** Proposals matching the filter. */
export const listProposals = (q: ProposalListQuery): Promise<ProposalList> =>
  get<ProposalList>('/v1/proposals', { limit: 1000, ...q });

/** One proposal with its trades, their reasons and the engine's response. */
export const getProposal = (id: string): Promise<ProposalDetail> =>
  get<ProposalDetail>(`/v1/proposals/${encodeURIComponent(id)}`);

/** Approves or rejects one proposal; a stale one answers 409 with the reason. */
export const decideProposal = (
  id: string,
  decision: 'approve' | 'reject',
  note: string,
): Promise<DecisionDone> =>
  post<DecisionDone>(`/v1/proposals/${encodeURIComponent(id)}/${decision}`, { note });

/** Approves many; each is approved or refused on its own. */
export const approveMany = (ids: string[], note: string): Promise<BulkApproveResponse> =>
  post<BulkApproveResponse>('/v1/proposals/approve', { ids, note });
