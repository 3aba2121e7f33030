-- Staff and citizens share `users` and `sessions` (ADR 0007); the database keeps them apart, whoever writes.
-- An account is staff or citizen for life: the kind never changes.
ALTER TABLE users ADD CONSTRAINT users_kind_check CHECK (kind IN ('staff', 'citizen'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_kind_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'users.kind cannot change (staff and citizen accounts are separate)'
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER users_kind_no_update BEFORE UPDATE OF kind ON users
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION users_kind_immutable();
--> statement-breakpoint
-- Role grants (agency subtree rights) belong to staff accounts only: a citizen session can never pass a staff
-- policy, even if a bug or an administrator tried to grant one.
CREATE OR REPLACE FUNCTION role_grants_staff_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND kind <> 'staff') THEN
    RAISE EXCEPTION 'role grants are for staff accounts only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER role_grants_staff_only BEFORE INSERT OR UPDATE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION role_grants_staff_only();
--> statement-breakpoint
-- A profile belongs to a citizen account.
CREATE OR REPLACE FUNCTION citizen_profiles_citizen_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND kind = 'citizen') THEN
    RAISE EXCEPTION 'citizen profiles are for citizen accounts only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_profiles_citizen_only BEFORE INSERT OR UPDATE ON citizen_profiles
  FOR EACH ROW EXECUTE FUNCTION citizen_profiles_citizen_only();
