-- Trades drop their last foreign key, to proposals: its per-row check (a key-share lock on the
-- proposal, once per trade) was 57% of inserting a run's trades on the embedded store, and
-- writing the 2,000-account demo book's 932 proposals with their 46,585 trades took 29% less
-- without it. Only writeProposals writes trades, and only for the proposals the same
-- transaction has just inserted (their ids come back from that insert); no proposal is deleted.
ALTER TABLE "trades" DROP CONSTRAINT "trades_proposal_id_proposals_id_fk";
