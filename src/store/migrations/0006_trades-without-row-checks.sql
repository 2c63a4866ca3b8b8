-- Trades keep their foreign key to proposals but not to accounts and securities: a run writes
-- tens of thousands of trades and the per-row checks were 45% of that write on the embedded
-- store. The run builds every trade from accounts and securities it has just read, no row of
-- either is ever deleted, and the writer checks both sets in one query in the same transaction.
ALTER TABLE "trades" DROP CONSTRAINT "trades_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "trades" DROP CONSTRAINT "trades_security_id_securities_id_fk";
