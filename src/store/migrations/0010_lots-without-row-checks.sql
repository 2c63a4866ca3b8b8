-- Lots drop their foreign keys to accounts and securities: checked row by row they were about
-- 60% of writing the 20,000-account demo firm (1.8 million lots: 41-42 s with them, 15-18 s
-- without). Every writer goes through insertLots, which probes the rows' distinct accounts and
-- securities in one query in the same transaction and refuses the write on a miss; accounts
-- and securities are never deleted.
ALTER TABLE "lots" DROP CONSTRAINT "lots_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "lots" DROP CONSTRAINT "lots_security_id_securities_id_fk";
