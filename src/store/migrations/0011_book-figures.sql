CREATE TABLE "book_figures" (
	"account_id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"model_id" text,
	"cash_usd" double precision NOT NULL,
	"value_usd" double precision NOT NULL,
	"max_drift" double precision,
	"drift_threshold" double precision NOT NULL,
	"out_of_tolerance" boolean NOT NULL,
	"harvestable_loss_usd" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "book_figures_stale" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"household_id" text
);
--> statement-breakpoint
CREATE INDEX "book_figures_household_idx" ON "book_figures" USING btree ("household_id");--> statement-breakpoint
-- Triggers keep book_figures honest (see src/store/book-figures.ts): a statement that changes a
-- household's lots, accounts, settings or the household row marks that household stale; one
-- that changes prices, securities or models marks the whole book (NULL). Statement-level with
-- transition tables, so a bulk insert of lots marks each household once, not once per lot.
-- A transition table serves one event, so UPDATE has two triggers (its old and its new rows).
CREATE FUNCTION book_figures_stale_by_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO book_figures_stale (household_id)
    SELECT DISTINCT a.household_id FROM changed c JOIN accounts a ON a.id = c.account_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION book_figures_stale_by_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO book_figures_stale (household_id) SELECT DISTINCT c.household_id FROM changed c;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION book_figures_stale_household_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO book_figures_stale (household_id) SELECT DISTINCT c.id FROM changed c;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION book_figures_stale_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO book_figures_stale (household_id) VALUES (NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A statement fires its statement-level triggers even when it changes no row (an upsert that
-- finds everything in place): only rows that did change mark the whole book.
CREATE FUNCTION book_figures_stale_all_if_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    INSERT INTO book_figures_stale (household_id) VALUES (NULL);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lots_book_insert AFTER INSERT ON lots REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER lots_book_update_new AFTER UPDATE ON lots REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER lots_book_update_old AFTER UPDATE ON lots REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER lots_book_delete AFTER DELETE ON lots REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER account_settings_book_insert AFTER INSERT ON account_settings
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER account_settings_book_update_new AFTER UPDATE ON account_settings
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER account_settings_book_update_old AFTER UPDATE ON account_settings
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER account_settings_book_delete AFTER DELETE ON account_settings
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_account();
--> statement-breakpoint
CREATE TRIGGER accounts_book_insert AFTER INSERT ON accounts REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_household();
--> statement-breakpoint
CREATE TRIGGER accounts_book_update_new AFTER UPDATE ON accounts REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_household();
--> statement-breakpoint
CREATE TRIGGER accounts_book_update_old AFTER UPDATE ON accounts REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_household();
--> statement-breakpoint
CREATE TRIGGER accounts_book_delete AFTER DELETE ON accounts REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_by_household();
--> statement-breakpoint
CREATE TRIGGER households_book_insert AFTER INSERT ON households REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_household_row();
--> statement-breakpoint
CREATE TRIGGER households_book_update_new AFTER UPDATE ON households
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_household_row();
--> statement-breakpoint
CREATE TRIGGER households_book_update_old AFTER UPDATE ON households
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_household_row();
--> statement-breakpoint
CREATE TRIGGER households_book_delete AFTER DELETE ON households REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_household_row();
--> statement-breakpoint
CREATE TRIGGER prices_book_insert AFTER INSERT ON prices REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER prices_book_update AFTER UPDATE ON prices REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER prices_book_delete AFTER DELETE ON prices REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER prices_book_truncate AFTER TRUNCATE ON prices
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all();
--> statement-breakpoint
CREATE TRIGGER securities_book_insert AFTER INSERT ON securities REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER securities_book_update AFTER UPDATE ON securities REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER securities_book_delete AFTER DELETE ON securities REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER securities_book_truncate AFTER TRUNCATE ON securities
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all();
--> statement-breakpoint
CREATE TRIGGER models_book_insert AFTER INSERT ON models REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER models_book_update AFTER UPDATE ON models REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER models_book_delete AFTER DELETE ON models REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all_if_changed();
--> statement-breakpoint
CREATE TRIGGER models_book_truncate AFTER TRUNCATE ON models
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all();
--> statement-breakpoint
CREATE TRIGGER lots_book_truncate AFTER TRUNCATE ON lots
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all();
--> statement-breakpoint
CREATE TRIGGER account_settings_book_truncate AFTER TRUNCATE ON account_settings
  FOR EACH STATEMENT EXECUTE FUNCTION book_figures_stale_all();
--> statement-breakpoint
-- A store that already holds a book computes its figures at the first read.
INSERT INTO book_figures_stale (household_id) VALUES (NULL);
