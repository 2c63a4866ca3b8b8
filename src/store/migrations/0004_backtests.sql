-- Saved backtests (tailor backtest --save, the demo): settings and headline figures for lists,
-- the whole result (daily series included) for the detail view, its charts and report.
CREATE TABLE "backtests" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"scenario" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"config" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"result" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "backtests_created_idx" ON "backtests" USING btree ("created_at","id");