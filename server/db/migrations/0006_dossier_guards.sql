-- The dossier history is append-only: the database refuses to change or remove an event, whoever asks.
CREATE OR REPLACE FUNCTION dossier_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
--> statement-breakpoint
-- Open dossiers by due date (inboxes, warnings, the overdue job).
CREATE INDEX dossiers_open_due_idx ON dossiers (due_at)
  WHERE status IN ('accepted', 'inProcess', 'supplementRequested', 'financialObligation');
--> statement-breakpoint
-- Search by applicant name without diacritics at the desk ("nguyen van an").
CREATE INDEX dossiers_applicant_trgm_idx ON dossiers USING gin (immutable_unaccent(lower(applicant_name)) gin_trgm_ops);
