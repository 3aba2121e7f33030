CREATE TABLE "audit_chain" (
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"row_hash" "bytea" NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_chain_seq_pk" PRIMARY KEY("chain","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_chain_row_idx" ON "audit_chain" USING btree ("table_name","row_id");--> statement-breakpoint
-- Hand-written: the hash chain (schema/audit-chain.ts, docs/SECURITY.md).
-- The columns of a chained row that its hash covers: named, so that a column added later does not change the
-- hashes of rows written before it.
CREATE OR REPLACE FUNCTION audit_chain_columns(tbl text) RETURNS text[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'dossier_events' THEN ARRAY['id', 'dossier_id', 'seq', 'at', 'action', 'actor_id', 'actor_name', 'role',
      'agency_id', 'from_status', 'to_status', 'from_step', 'to_step', 'holder_agency_id', 'assignee_id', 'due_at',
      'note', 'data']
    WHEN 'audit_events' THEN ARRAY['id', 'at', 'actor_id', 'actor_role', 'agency_id', 'action', 'target_type',
      'target_id', 'request_id', 'details']
  END
$$;
--> statement-breakpoint
-- SHA-256 of the row's named columns as canonical JSON (jsonb sorts keys). Callers run with timezone UTC, so a
-- timestamp always renders the same way.
CREATE OR REPLACE FUNCTION audit_chain_row_hash(tbl text, r jsonb) RETURNS bytea
  LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(convert_to(
    coalesce((SELECT jsonb_object_agg(c, coalesce(r -> c, 'null'::jsonb)) FROM unnest(audit_chain_columns(tbl)) AS c),
      '{}'::jsonb)::text, 'UTF8'))
$$;
--> statement-breakpoint
-- Chains: per agency (dossier events: the acting agency, else the holder; audit events: the agency, else 'system').
CREATE OR REPLACE FUNCTION audit_chain_key(tbl text, r jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT tbl || ':' || coalesce(r ->> 'agency_id', CASE WHEN tbl = 'dossier_events' THEN r ->> 'holder_agency_id' END, 'system')
$$;
--> statement-breakpoint
-- Appends the link of one row: the chain's head is locked until the transaction ends, so links are numbered in
-- commit order without gaps (a rolled-back transaction takes its link with it).
CREATE OR REPLACE FUNCTION audit_chain_append(tbl text, r jsonb) RETURNS void
  LANGUAGE plpgsql SET timezone = 'UTC' AS $$
DECLARE
  c text := audit_chain_key(tbl, r);
  rh bytea := audit_chain_row_hash(tbl, r);
  n bigint;
  prev bytea;
  h bytea;
BEGIN
  INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (c, 0, ''::bytea) ON CONFLICT (chain) DO NOTHING;
  SELECT seq, hash INTO n, prev FROM audit_chain_heads WHERE chain = c FOR UPDATE;
  n := n + 1;
  h := sha256(prev || rh || int8send(n));
  UPDATE audit_chain_heads SET seq = n, hash = h WHERE chain = c;
  INSERT INTO audit_chain (chain, seq, table_name, row_id, row_hash, prev_hash, hash)
    VALUES (c, n, tbl, (r ->> 'id')::uuid, rh, prev, h);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_link() RETURNS trigger
  LANGUAGE plpgsql SET timezone = 'UTC' AS $$
BEGIN
  -- `motcua restore` loads the chain itself, as it was.
  IF current_setting('motcua.restoring', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM audit_chain_append(TG_TABLE_NAME, to_jsonb(NEW));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_audit_chain AFTER INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
--> statement-breakpoint
CREATE TRIGGER audit_events_audit_chain AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();
--> statement-breakpoint
-- Everything the chain can tell: one row per problem found (none: intact).
CREATE OR REPLACE FUNCTION audit_chain_verify() RETURNS TABLE (chain text, seq bigint, problem text)
  LANGUAGE plpgsql SET timezone = 'UTC' AS $$
DECLARE
  link record;
  cur text := NULL;
  expect bigint;
  prev bytea;
  r jsonb;
  head record;
BEGIN
  FOR link IN SELECT * FROM audit_chain ORDER BY audit_chain.chain, audit_chain.seq LOOP
    IF cur IS DISTINCT FROM link.chain THEN
      cur := link.chain; expect := 1; prev := ''::bytea;
    END IF;
    IF link.seq <> expect THEN
      chain := link.chain; seq := link.seq;
      problem := format('thiếu mắt xích %s–%s (bị xóa)', expect, link.seq - 1); RETURN NEXT;
    END IF;
    IF link.prev_hash <> prev THEN
      chain := link.chain; seq := link.seq;
      problem := 'mã băm của mắt xích trước không khớp (bị xóa, chèn hoặc đổi thứ tự)'; RETURN NEXT;
    END IF;
    IF link.hash <> sha256(link.prev_hash || link.row_hash || int8send(link.seq)) THEN
      chain := link.chain; seq := link.seq; problem := 'mã băm của mắt xích bị sửa'; RETURN NEXT;
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.id = $1', link.table_name) INTO r USING link.row_id;
    IF r IS NULL THEN
      chain := link.chain; seq := link.seq;
      problem := format('dòng %s của bảng %s đã bị xóa', link.row_id, link.table_name); RETURN NEXT;
    ELSIF audit_chain_row_hash(link.table_name, r) <> link.row_hash THEN
      chain := link.chain; seq := link.seq;
      problem := format('dòng %s của bảng %s đã bị sửa', link.row_id, link.table_name); RETURN NEXT;
    ELSIF audit_chain_key(link.table_name, r) <> link.chain THEN
      chain := link.chain; seq := link.seq;
      problem := format('dòng %s của bảng %s đã bị chuyển sang đơn vị khác', link.row_id, link.table_name);
      RETURN NEXT;
    END IF;
    prev := link.hash;
    expect := link.seq + 1;
  END LOOP;
  FOR head IN
    SELECT h.chain, h.seq, h.hash, l.seq AS last_seq, l.hash AS last_hash FROM audit_chain_heads h
    LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM audit_chain a WHERE a.chain = h.chain ORDER BY a.seq DESC LIMIT 1) l ON true
  LOOP
    IF head.last_seq IS DISTINCT FROM head.seq OR head.last_hash IS DISTINCT FROM head.hash THEN
      chain := head.chain; seq := head.seq;
      problem := 'mắt xích cuối không khớp với đầu chuỗi (các dòng cuối bị xóa)'; RETURN NEXT;
    END IF;
  END LOOP;
  FOR r IN
    SELECT to_jsonb(e) FROM dossier_events e
    WHERE NOT EXISTS (SELECT 1 FROM audit_chain a WHERE a.table_name = 'dossier_events' AND a.row_id = e.id)
    UNION ALL
    SELECT to_jsonb(e) FROM audit_events e
    WHERE NOT EXISTS (SELECT 1 FROM audit_chain a WHERE a.table_name = 'audit_events' AND a.row_id = e.id)
  LOOP
    chain := NULL; seq := NULL;
    problem := format('dòng %s không có trong chuỗi (thêm khi trigger bị tắt)', r ->> 'id'); RETURN NEXT;
  END LOOP;
END $$;
--> statement-breakpoint
-- Rows written before this migration join the chains in the order they were written.
DO $$
DECLARE r record;
BEGIN
  PERFORM set_config('timezone', 'UTC', true);
  FOR r IN
    SELECT 'audit_events' AS tbl, to_jsonb(a) AS j, a.at, 0 AS seq FROM audit_events a
    UNION ALL
    SELECT 'dossier_events', to_jsonb(e), e.at, e.seq FROM dossier_events e
    ORDER BY 3, 4
  LOOP
    PERFORM audit_chain_append(r.tbl, r.j);
  END LOOP;
END $$;
