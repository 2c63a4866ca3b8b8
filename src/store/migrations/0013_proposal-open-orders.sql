-- Each proposal in orders counts its open ones, so that a fill asks whether a proposal is
-- settled only when its last order closes (src/store/fills-common.ts).
ALTER TABLE "proposals" ADD COLUMN "open_orders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A proposal already in orders counts the open ones holding its trades.
UPDATE "proposals" AS p
SET "open_orders" = c.n
FROM (
  SELECT t.proposal_id, count(DISTINCT o.id)::integer AS n
  FROM "trades" t
  JOIN "order_allocations" oa ON oa.trade_id = t.id
  JOIN "orders" o ON o.id = oa.order_id
  WHERE o.status = 'open'
  GROUP BY t.proposal_id
) AS c
WHERE p.id = c.proposal_id AND p.status = 'ordered';
