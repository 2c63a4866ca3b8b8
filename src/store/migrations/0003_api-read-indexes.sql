-- Indexes for the API's reads (src/store/*-reads.ts): a proposal's decisions, a household's
-- proposals newest first, and the audit log by actor newest first.
CREATE INDEX IF NOT EXISTS "approvals_proposal_idx" ON "approvals" USING btree ("proposal_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "proposals_household_created_idx" ON "proposals" USING btree ("household_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_actor_idx" ON "audit_log" USING btree ("actor", "id");
