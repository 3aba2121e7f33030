CREATE TABLE "report_cells" (
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	CONSTRAINT "report_cells_agency_id_procedure_id_pk" PRIMARY KEY("agency_id","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "report_deadlines" (
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"overdue" integer NOT NULL,
	"due_on_day" integer NOT NULL,
	CONSTRAINT "report_deadlines_agency_id_procedure_id_day_pk" PRIMARY KEY("agency_id","procedure_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_flows" (
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"received_online" integer NOT NULL,
	"received_direct" integer NOT NULL,
	"resolved_early" integer NOT NULL,
	"resolved_on_time" integer NOT NULL,
	"resolved_late" integer NOT NULL,
	"withdrawn_or_stopped" integer NOT NULL,
	CONSTRAINT "report_flows_agency_id_procedure_id_day_pk" PRIMARY KEY("agency_id","procedure_id","day")
);
--> statement-breakpoint
ALTER TABLE "report_cells" ADD CONSTRAINT "report_cells_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cells" ADD CONSTRAINT "report_cells_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written below: the Biểu 06 counters are kept by the database, in the transaction that appends the event
-- (ADR 0011; docs/reports-form06.md "Pre-aggregated counters"). Days are calendar days in Vietnam (UTC+7, no DST).
CREATE FUNCTION report_day(t timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
-- Received and not finished: the statuses of a dossier in progress.
CREATE FUNCTION report_is_open(status text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(status IN ('accepted', 'inProcess', 'supplementRequested', 'financialObligation'), false) $$;
--> statement-breakpoint
-- In progress with the clock running and a due date: the dossiers whose deadline the report judges.
CREATE FUNCTION report_is_timed(status text, due timestamptz) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(status IN ('accepted', 'inProcess') AND due IS NOT NULL, false) $$;
--> statement-breakpoint
-- Adds to the cumulative flows of a cell from day `d` on (the caller holds the cell's lock).
CREATE FUNCTION report_add_flows(
  a_agency uuid, a_procedure uuid, d date,
  d_online int, d_direct int, d_early int, d_on_time int, d_late int, d_withdrawn int
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_flows AS f (agency_id, procedure_id, day, received_online, received_direct,
      resolved_early, resolved_on_time, resolved_late, withdrawn_or_stopped)
    SELECT a_agency, a_procedure, d,
      coalesce(l.received_online, 0) + d_online, coalesce(l.received_direct, 0) + d_direct,
      coalesce(l.resolved_early, 0) + d_early, coalesce(l.resolved_on_time, 0) + d_on_time,
      coalesce(l.resolved_late, 0) + d_late, coalesce(l.withdrawn_or_stopped, 0) + d_withdrawn
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT * FROM report_flows x
      WHERE x.agency_id = a_agency AND x.procedure_id = a_procedure AND x.day < d
      ORDER BY x.day DESC LIMIT 1
    ) l ON true
  ON CONFLICT (agency_id, procedure_id, day) DO UPDATE SET
    received_online = f.received_online + d_online, received_direct = f.received_direct + d_direct,
    resolved_early = f.resolved_early + d_early, resolved_on_time = f.resolved_on_time + d_on_time,
    resolved_late = f.resolved_late + d_late, withdrawn_or_stopped = f.withdrawn_or_stopped + d_withdrawn;
  -- Rows after `d` exist only if an event was dated after this one (never, with one clock): keep them right anyway.
  UPDATE report_flows SET
    received_online = received_online + d_online, received_direct = received_direct + d_direct,
    resolved_early = resolved_early + d_early, resolved_on_time = resolved_on_time + d_on_time,
    resolved_late = resolved_late + d_late, withdrawn_or_stopped = withdrawn_or_stopped + d_withdrawn
  WHERE agency_id = a_agency AND procedure_id = a_procedure AND day > d;
END $$;
--> statement-breakpoint
-- Adds `d_overdue` to the cumulative overdue count from day `d` on, and `d_due` to the count due on day `d`.
CREATE FUNCTION report_add_deadlines(a_agency uuid, a_procedure uuid, d date, d_overdue int, d_due int)
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_deadlines AS r (agency_id, procedure_id, day, overdue, due_on_day)
    SELECT a_agency, a_procedure, d, coalesce(l.overdue, 0) + d_overdue, d_due
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT x.overdue FROM report_deadlines x
      WHERE x.agency_id = a_agency AND x.procedure_id = a_procedure AND x.day < d
      ORDER BY x.day DESC LIMIT 1
    ) l ON true
  ON CONFLICT (agency_id, procedure_id, day) DO UPDATE SET
    overdue = r.overdue + d_overdue, due_on_day = r.due_on_day + d_due;
  IF d_overdue <> 0 THEN
    UPDATE report_deadlines SET overdue = overdue + d_overdue
    WHERE agency_id = a_agency AND procedure_id = a_procedure AND day > d;
  END IF;
END $$;
--> statement-breakpoint
-- One event, compared with the dossier's previous event (the state before it). With s = the day of the event:
--   not open → open: received on s (online dossiers: at acceptance); open → not open: finished on s (with a result:
--   early / on time / late by date against the due date in force; else withdrawn or stopped);
--   a state that is open, with the clock running and due on day u, is overdue at the end of every day from
--   max(s, u) until the day it is replaced, and is "due on day u" if it is still in force at the end of u. So the
--   old state gives −1 overdue from max(u, s) and −1 due on u if u ≥ s; the new state +1 and +1 likewise.
-- `SET LOCAL motcua.restoring = 'on'` (motcua restore) loads the history without counting: the counters come
-- from the backup.
CREATE FUNCTION report_count_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s date := report_day(NEW.at);
  p_status text;
  p_due timestamptz;
  was_open boolean;
  is_open boolean;
  was_timed boolean;
  is_timed boolean;
  u date;
  v_agency uuid;
  v_procedure uuid;
  v_channel text;
BEGIN
  IF current_setting('motcua.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF NEW.seq > 1 THEN
    SELECT e.to_status, e.due_at INTO p_status, p_due
    FROM dossier_events e WHERE e.dossier_id = NEW.dossier_id AND e.seq = NEW.seq - 1;
  END IF;
  was_open := report_is_open(p_status);
  is_open := report_is_open(NEW.to_status);
  IF NOT was_open AND NOT is_open THEN RETURN NULL; END IF;
  was_timed := report_is_timed(p_status, p_due);
  is_timed := report_is_timed(NEW.to_status, NEW.due_at);
  -- Nothing the report sees has changed (claim, assign, forward, a fee, a result attached…).
  IF was_open AND is_open AND was_timed = is_timed
     AND (NOT is_timed OR report_day(p_due) = report_day(NEW.due_at)) THEN
    RETURN NULL;
  END IF;

  SELECT d.competent_agency_id, d.procedure_id, d.channel INTO v_agency, v_procedure, v_channel
  FROM dossiers d WHERE d.id = NEW.dossier_id;
  -- One writer per cell at a time: a cumulative row copied from the day before must not miss a concurrent delta.
  PERFORM 1 FROM report_cells WHERE agency_id = v_agency AND procedure_id = v_procedure FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO report_cells (agency_id, procedure_id) VALUES (v_agency, v_procedure) ON CONFLICT DO NOTHING;
    PERFORM 1 FROM report_cells WHERE agency_id = v_agency AND procedure_id = v_procedure FOR UPDATE;
  END IF;

  IF NOT was_open THEN
    PERFORM report_add_flows(v_agency, v_procedure, s,
      (v_channel = 'online')::int, (v_channel <> 'online')::int, 0, 0, 0, 0);
  ELSIF NOT is_open THEN
    IF NEW.to_status IN ('resolved', 'returned') THEN
      u := report_day(NEW.due_at);
      PERFORM report_add_flows(v_agency, v_procedure, s, 0, 0,
        coalesce(s < u, false)::int, (u IS NULL OR s = u)::int, coalesce(s > u, false)::int, 0);
    ELSE
      PERFORM report_add_flows(v_agency, v_procedure, s, 0, 0, 0, 0, 0, 1);
    END IF;
  END IF;
  IF was_timed THEN
    u := report_day(p_due);
    PERFORM report_add_deadlines(v_agency, v_procedure, greatest(u, s), -1, 0);
    IF u >= s THEN PERFORM report_add_deadlines(v_agency, v_procedure, u, 0, -1); END IF;
  END IF;
  IF is_timed THEN
    u := report_day(NEW.due_at);
    PERFORM report_add_deadlines(v_agency, v_procedure, greatest(u, s), 1, 0);
    IF u >= s THEN PERFORM report_add_deadlines(v_agency, v_procedure, u, 0, 1); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_report_counters AFTER INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION report_count_event();
--> statement-breakpoint
-- The same rules, set-based over the whole history: what each event changes, per cell and day (not cumulative).
-- Used to rebuild the counters (`report_rebuild`, the data generator) and to check them (`motcua reports verify`).
CREATE FUNCTION report_event_facts() RETURNS TABLE (
  agency_id uuid, procedure_id uuid, channel text, day date, to_status text,
  was_open boolean, is_open boolean, was_timed boolean, old_due date, is_timed boolean, new_due date
) LANGUAGE sql STABLE AS $$
  SELECT d.competent_agency_id, d.procedure_id, d.channel, e.day, e.to_status,
    report_is_open(e.p_status), report_is_open(e.to_status),
    report_is_timed(e.p_status, e.p_due), report_day(e.p_due),
    report_is_timed(e.to_status, e.due_at), report_day(e.due_at)
  FROM (
    SELECT x.dossier_id, report_day(x.at) AS day, x.to_status, x.due_at,
      lag(x.to_status) OVER w AS p_status, lag(x.due_at) OVER w AS p_due
    FROM dossier_events x
    WINDOW w AS (PARTITION BY x.dossier_id ORDER BY x.seq)
  ) e
  JOIN dossiers d ON d.id = e.dossier_id
$$;
--> statement-breakpoint
CREATE FUNCTION report_recount_flows() RETURNS TABLE (
  agency_id uuid, procedure_id uuid, day date, received_online bigint, received_direct bigint,
  resolved_early bigint, resolved_on_time bigint, resolved_late bigint, withdrawn_or_stopped bigint
) LANGUAGE sql STABLE AS $$
  SELECT f.agency_id, f.procedure_id, f.day,
    count(*) FILTER (WHERE f.is_open AND f.channel = 'online'),
    count(*) FILTER (WHERE f.is_open AND f.channel <> 'online'),
    count(*) FILTER (WHERE NOT f.is_open AND f.to_status IN ('resolved', 'returned') AND f.day < f.new_due),
    count(*) FILTER (WHERE NOT f.is_open AND f.to_status IN ('resolved', 'returned')
      AND (f.new_due IS NULL OR f.day = f.new_due)),
    count(*) FILTER (WHERE NOT f.is_open AND f.to_status IN ('resolved', 'returned') AND f.day > f.new_due),
    count(*) FILTER (WHERE NOT f.is_open AND f.to_status NOT IN ('resolved', 'returned'))
  FROM report_event_facts() f
  WHERE f.was_open <> f.is_open
  GROUP BY f.agency_id, f.procedure_id, f.day
$$;
--> statement-breakpoint
CREATE FUNCTION report_recount_deadlines() RETURNS TABLE (
  agency_id uuid, procedure_id uuid, day date, overdue bigint, due_on_day bigint
) LANGUAGE sql STABLE AS $$
  SELECT f.agency_id, f.procedure_id, c.day, sum(c.overdue), sum(c.due)
  FROM report_event_facts() f
  CROSS JOIN LATERAL (VALUES
    (CASE WHEN f.was_timed THEN greatest(f.old_due, f.day) END, -1, 0),
    (CASE WHEN f.was_timed AND f.old_due >= f.day THEN f.old_due END, 0, -1),
    (CASE WHEN f.is_timed THEN greatest(f.new_due, f.day) END, 1, 0),
    (CASE WHEN f.is_timed AND f.new_due >= f.day THEN f.new_due END, 0, 1)
  ) AS c(day, overdue, due)
  WHERE (f.was_timed OR f.is_timed) AND c.day IS NOT NULL
  GROUP BY f.agency_id, f.procedure_id, c.day
  HAVING sum(c.overdue) <> 0 OR sum(c.due) <> 0
$$;
--> statement-breakpoint
-- Recomputes every counter from the events (after a bulk load, or to repair). Writers wait meanwhile.
CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE report_cells, report_flows, report_deadlines IN EXCLUSIVE MODE;
  TRUNCATE report_flows, report_deadlines, report_cells;
  INSERT INTO report_flows (agency_id, procedure_id, day, received_online, received_direct,
      resolved_early, resolved_on_time, resolved_late, withdrawn_or_stopped)
    SELECT r.agency_id, r.procedure_id, r.day,
      sum(r.received_online) OVER w, sum(r.received_direct) OVER w, sum(r.resolved_early) OVER w,
      sum(r.resolved_on_time) OVER w, sum(r.resolved_late) OVER w, sum(r.withdrawn_or_stopped) OVER w
    FROM report_recount_flows() r
    WINDOW w AS (PARTITION BY r.agency_id, r.procedure_id ORDER BY r.day);
  INSERT INTO report_deadlines (agency_id, procedure_id, day, overdue, due_on_day)
    SELECT r.agency_id, r.procedure_id, r.day, sum(r.overdue) OVER w, r.due_on_day
    FROM report_recount_deadlines() r
    WINDOW w AS (PARTITION BY r.agency_id, r.procedure_id ORDER BY r.day);
  INSERT INTO report_cells (agency_id, procedure_id)
    SELECT agency_id, procedure_id FROM report_flows
    UNION SELECT agency_id, procedure_id FROM report_deadlines;
END $$;
