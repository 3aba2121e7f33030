-- Diacritics-insensitive search of procedure names ("khai sinh" finds "Đăng ký khai sinh").
CREATE INDEX procedures_name_trgm_idx ON procedures USING gin (immutable_unaccent(lower(name)) gin_trgm_ops);
--> statement-breakpoint
-- A version that left draft is immutable: dossiers pin it. Only its status and end date may still change
-- (superseded by a new version, abolished by a decision).
CREATE OR REPLACE FUNCTION procedure_versions_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'a published procedure version cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' AND (NEW.document IS DISTINCT FROM OLD.document
      OR NEW.version IS DISTINCT FROM OLD.version OR NEW.procedure_id IS DISTINCT FROM OLD.procedure_id
      OR NEW.effective_from IS DISTINCT FROM OLD.effective_from OR NEW.status = 'draft') THEN
    RAISE EXCEPTION 'a published procedure version is immutable: make a new version' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_guard BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedure_versions_immutable();
