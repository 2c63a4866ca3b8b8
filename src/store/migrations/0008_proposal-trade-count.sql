-- A proposal's trades live in its response; the trades table gets a proposal's rows only when
-- it goes into block orders. Writing every run's trades as rows was about 5% of the
-- 20,000-account run's CPU, for rows that only orders need. Lists count trades from this column.
ALTER TABLE "proposals" ADD COLUMN "trade_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "proposals" p SET "trade_count" = (
  SELECT coalesce(sum(jsonb_array_length(a.value -> 'trades')), 0)::int
  FROM jsonb_array_elements(p.response -> 'accounts') a
) WHERE p.response IS NOT NULL;
