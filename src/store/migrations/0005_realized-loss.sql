-- Sells: the sum of the losses of the lots relieved (<= 0; 0 for none), so a sell at a net gain
-- that relieved a loss lot still counts as a loss sale for the wash-sale rules (per lot).
-- Null for rows written before this column, and for buys and cash transactions.
ALTER TABLE "transactions" ADD COLUMN "realized_loss" numeric;
