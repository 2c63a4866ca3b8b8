-- A broker's trade bust or correction takes back a fill of an order still open: the fill row stays,
-- marked with the ExecID of the report that took it back, and counts for nothing after.
ALTER TABLE "order_fills" ADD COLUMN "undone_by" text;