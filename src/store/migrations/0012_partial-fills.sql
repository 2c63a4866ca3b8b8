-- Partial fills: an order fills in one or several parts. Each fill is a row of order_fills;
-- orders and their allocations keep the shares filled so far. An order filled before this
-- migration filled whole in one fill: its fill row is rebuilt from the order and its audit entry.
-- A fill imported from a broker's execution keeps its ExecID, unique per order.
CREATE TABLE "order_fills" (
	"order_id" text NOT NULL,
	"seq" integer NOT NULL,
	"quantity" numeric NOT NULL,
	"price" numeric NOT NULL,
	"date" date NOT NULL,
	"filled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"exec_id" text,
	CONSTRAINT "order_fills_order_id_seq_pk" PRIMARY KEY("order_id","seq")
);
--> statement-breakpoint
ALTER TABLE "order_allocations" ADD COLUMN "filled_quantity" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "filled_quantity" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "order_fills_exec_idx" ON "order_fills" USING btree ("order_id","exec_id");--> statement-breakpoint
UPDATE "orders" SET "filled_quantity" = "quantity" WHERE "status" = 'filled';--> statement-breakpoint
UPDATE "order_allocations" oa SET "filled_quantity" = oa."quantity"
  FROM "orders" o WHERE o."id" = oa."order_id" AND o."status" = 'filled';--> statement-breakpoint
INSERT INTO "order_fills" ("order_id", "seq", "quantity", "price", "date", "filled_at", "actor")
SELECT o."id", 1, o."quantity", o."fill_price",
       COALESCE((a."detail" ->> 'date')::date, o."filled_at"::date, o."created_at"::date),
       COALESCE(o."filled_at", o."created_at"), COALESCE(a."actor", 'unknown')
FROM "orders" o
LEFT JOIN LATERAL (
  SELECT "actor", "detail" FROM "audit_log"
  WHERE "entity" = 'order' AND "entity_id" = o."id" AND "action" = 'order.fill'
  ORDER BY "id" DESC LIMIT 1
) a ON true
WHERE o."status" = 'filled' AND o."fill_price" IS NOT NULL;
