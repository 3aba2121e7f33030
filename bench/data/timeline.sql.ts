/**
 * The set-based SQL of the data generator (bench/data/generate.ts): one statement draws the timelines of a batch of
 * dossiers into an unlogged staging table, two more write the dossiers and their events from it. Everything is
 * drawn with random() inside PostgreSQL: no row crosses the network.
 *
 * A timeline has eight event slots in time order: 1 intake (direct, postal) or submission (online); 2 acceptance
 * (online: or refusal, or withdrawal before it); 3 forward to processing; 4 suspension (supplement or financial
 * obligation); 5 its end, which moves the due date by the pause; 6 an apology with a later date; 7 the result, a
 * withdrawal or a stop; 8 the hand-over of the result. A slot dated after `now` has not happened (nor any later
 * one), so recent dossiers are still open. Shares (roughly a province today): 40 % online (3 % of them refused, 1 %
 * withdrawn before acceptance), 3 % postal; 8 % suspended for a supplement, 2 % for the financial obligation;
 * 1 % apologise; 2 % withdrawn, 0.5 % stopped; ~3 % of results late, the rest early or on the due day; 90 % of
 * results handed over within 3 days.
 */

export type Draw = Readonly<{
  first: number;
  count: number;
  /** 00:00 of the first day, Vietnam time. */
  startAt: Date;
  days: number;
  now: Date;
  agencies: number;
  procedures: number;
}>;

/**
 * A batch of timelines into a new unlogged table gen_batch (CREATE TABLE AS takes no parameters: the values are
 * our own numbers and instants, written as literals).
 */
export const drawTimelines = (d: Draw) =>
  `
CREATE UNLOGGED TABLE gen_batch AS
SELECT f.*,
  coalesce(f.t0 <= $5, false)::int AS f1, coalesce(f.t_accept <= $5, false)::int AS f2, coalesce(f.t_forward <= $5, false)::int AS f3,
  coalesce(f.t_pause <= $5, false)::int AS f4, coalesce(f.t_resume <= $5, false)::int AS f5, coalesce(f.t_apology <= $5, false)::int AS f6,
  coalesce(f.t_finish <= $5, false)::int AS f7, coalesce(f.t_return <= $5, false)::int AS f8
FROM (
  SELECT e.*,
    CASE WHEN e.finish_kind = 'resolved' AND e.r_return < 0.9 THEN e.t_finish + e.r_return * interval '3 days' END
      AS t_return
  FROM (
    SELECT d.*,
      CASE WHEN d.early_end IS NOT NULL THEN NULL
        WHEN d.finish_kind <> 'resolved' THEN d.busy_until + interval '10 minutes' + d.r_len * interval '5 days'
        WHEN d.r_late < 0.03 THEN greatest(d.busy_until + interval '10 minutes',
          d.due2 + (1 + floor(d.r_late * 300)) * interval '1 day')
        ELSE d.busy_until + interval '10 minutes'
          + greatest(interval '0', d.due2 - d.busy_until - interval '8 hours') * d.r_len
      END AS t_finish
    FROM (
      SELECT c.*,
        c.due0 + coalesce(c.t_resume - c.t_pause, interval '0') AS due1,
        c.due0 + coalesce(c.t_resume - c.t_pause, interval '0') + c.apology_days * interval '1 day' AS due2,
        greatest(c.t_forward, c.t_resume, c.t_apology) AS busy_until
      FROM (
        SELECT b.*,
          CASE WHEN b.apology_days > 0 THEN coalesce(b.t_resume, b.t_forward) + interval '1 hour' END AS t_apology
        FROM (
          SELECT a.*,
            CASE WHEN a.early_end IS NULL THEN a.start_at + interval '20 minutes' + a.r_len * interval '4 hours' END
              AS t_forward,
            CASE WHEN a.early_end IS NULL AND a.r_pause < 0.10
              THEN a.start_at + interval '5 hours' + a.r_len * interval '2 days' END AS t_pause,
            CASE WHEN a.early_end IS NULL AND a.r_pause < 0.10
              THEN a.start_at + interval '1 day 5 hours' + a.r_len * interval '2 days'
                + floor(a.r_pause * 100) * interval '1 day' END AS t_resume,
            CASE WHEN a.r_pause < 0.02 THEN 'financialObligation' ELSE 'supplementRequested' END AS pause_kind,
            CASE WHEN a.early_end IS NULL AND a.r_apology < 0.01 THEN 3 + floor(a.r_apology * 700) ELSE 0 END
              AS apology_days,
            date_trunc('day', a.start_at + interval '7 hours') - interval '7 hours'
              + ceil(a.limit_days * 1.4) * interval '1 day' + interval '17 hours' AS due0,
            CASE WHEN a.early_end IS NOT NULL THEN a.early_end
              WHEN a.r_finish < 0.02 THEN 'withdrawn' WHEN a.r_finish < 0.025 THEN 'stopped' ELSE 'resolved' END
              AS finish_kind
          FROM (
            SELECT r.*, coalesce(r.t_accept, r.t0) AS start_at,
              CASE WHEN r.channel = 'online' AND r.r_accept < 0.03 THEN 'notAccepted'
                WHEN r.channel = 'online' AND r.r_accept < 0.04 THEN 'withdrawn' END AS early_end
            FROM (
              SELECT q.*,
                CASE WHEN q.channel = 'online' THEN q.t0 + q.r_accept * interval '2 days' END AS t_accept
              FROM (
                SELECT n, ag.desk_id, ag.agency_id, pr.procedure_id, pr.version_id, pr.limit_days,
                  CASE WHEN x.r_channel < 0.40 THEN 'online' WHEN x.r_channel < 0.43 THEN 'postal' ELSE 'direct' END
                    AS channel,
                  $3::timestamptz + floor(x.r_day * $4::int) * interval '1 day' + interval '30 minutes'
                    + x.r_hour * interval '9 hours 30 minutes' AS t0,
                  x.r_accept, x.r_len, x.r_pause, x.r_apology, x.r_finish, x.r_late, x.r_return
                FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) AS n
                CROSS JOIN LATERAL (
                  SELECT random() AS r_agency, random() AS r_procedure, random() AS r_channel, random() AS r_day,
                    random() AS r_hour, random() AS r_accept, random() AS r_len, random() AS r_pause,
                    random() AS r_apology, random() AS r_finish, random() AS r_late, random() AS r_return,
                    n AS depends_on_n
                ) x
                JOIN gen_agencies ag ON ag.k = floor(x.r_agency * $6::int)::int
                JOIN gen_procedures pr ON pr.k = floor(power(x.r_procedure, 2) * $7::int)::int
              ) q
            ) r
          ) a
        ) b
      ) c
    ) d
  ) e
) f`
    .replaceAll('$1', String(Math.trunc(d.first)))
    .replaceAll('$2', String(Math.trunc(d.count)))
    .replaceAll('$3', `'${d.startAt.toISOString()}'`)
    .replaceAll('$4', String(Math.trunc(d.days)))
    .replaceAll('$5', `'${d.now.toISOString()}'::timestamptz`)
    .replaceAll('$6', String(Math.trunc(d.agencies)))
    .replaceAll('$7', String(Math.trunc(d.procedures)));

/** The dossier rows: the projection of the slots that happened by now. */
export const writeDossiers = `
INSERT INTO dossiers (id, code, procedure_id, procedure_version_id, receiving_agency_id, competent_agency_id,
  holder_agency_id, channel, status, applicant, applicant_name, documents, workflow, result_delivery, received_at,
  due_at, paused_since, resolved_at, finished_at, last_seq)
SELECT lpad(to_hex(g.n), 32, '0')::uuid, 'G-' || lpad(g.n::text, 10, '0'), g.procedure_id, g.version_id,
  g.desk_id, g.agency_id, g.agency_id, g.channel, s.status, '{"kind":"person"}'::jsonb,
  (ARRAY['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'])[1 + g.n % 5],
  '[]'::jsonb, '{}'::jsonb, 'counter', g.t0, s.due_at,
  CASE WHEN s.status IN ('supplementRequested', 'financialObligation') THEN g.t_pause END,
  CASE WHEN g.f7 = 1 AND g.finish_kind = 'resolved' THEN g.t_finish END,
  CASE WHEN g.f8 = 1 THEN g.t_return WHEN g.f7 = 1 AND g.finish_kind <> 'resolved' THEN g.t_finish
    WHEN g.f2 = 1 AND g.early_end IS NOT NULL THEN g.t_accept END,
  g.f1 + g.f2 + g.f3 + g.f4 + g.f5 + g.f6 + g.f7 + g.f8
FROM gen_batch g
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN g.f8 = 1 THEN 'returned' WHEN g.f7 = 1 THEN g.finish_kind WHEN g.f5 + g.f6 > 0 THEN 'inProcess'
      WHEN g.f4 = 1 THEN g.pause_kind WHEN g.f3 = 1 THEN 'inProcess'
      WHEN g.f2 = 1 THEN coalesce(g.early_end, 'accepted')
      WHEN g.channel = 'online' THEN 'submitted' ELSE 'accepted' END AS status,
    CASE WHEN g.f6 + g.f7 + g.f8 > 0 THEN g.due2 WHEN g.f5 = 1 THEN g.due1
      WHEN g.channel = 'online' AND g.f2 = 0 THEN NULL
      WHEN g.early_end IS NOT NULL THEN NULL ELSE g.due0 END AS due_at
) s`;

/** The events of the slots that happened, numbered 1, 2, … per dossier. */
export const writeEvents = `
INSERT INTO dossier_events (id, dossier_id, seq, at, action, to_status, holder_agency_id, due_at)
SELECT lpad(to_hex(g.n * 8 + v.k), 32, '0')::uuid, lpad(to_hex(g.n), 32, '0')::uuid, v.seq, v.at, v.action,
  v.to_status, g.agency_id, v.due_at
FROM gen_batch g
CROSS JOIN LATERAL (VALUES
  (1, g.f1, g.f1, g.t0, CASE WHEN g.channel = 'online' THEN 'submit' ELSE 'receive' END,
    CASE WHEN g.channel = 'online' THEN 'submitted' ELSE 'accepted' END,
    CASE WHEN g.channel = 'online' THEN NULL ELSE g.due0 END),
  (2, g.f2, g.f1 + g.f2, g.t_accept,
    CASE g.early_end WHEN 'notAccepted' THEN 'refuse' WHEN 'withdrawn' THEN 'withdraw' ELSE 'accept' END,
    coalesce(g.early_end, 'accepted'), CASE WHEN g.early_end IS NULL THEN g.due0 END),
  (3, g.f3, g.f1 + g.f2 + g.f3, g.t_forward, 'forward', 'inProcess', g.due0),
  (4, g.f4, g.f1 + g.f2 + g.f3 + g.f4, g.t_pause,
    CASE g.pause_kind WHEN 'supplementRequested' THEN 'requestSupplement' ELSE 'requestFinancialObligation' END,
    g.pause_kind, g.due0),
  (5, g.f5, g.f1 + g.f2 + g.f3 + g.f4 + g.f5, g.t_resume,
    CASE g.pause_kind WHEN 'supplementRequested' THEN 'receiveSupplement' ELSE 'confirmPayment' END,
    'inProcess', g.due1),
  (6, g.f6, g.f1 + g.f2 + g.f3 + g.f4 + g.f5 + g.f6, g.t_apology, 'apologise', 'inProcess', g.due2),
  (7, g.f7, g.f1 + g.f2 + g.f3 + g.f4 + g.f5 + g.f6 + g.f7, g.t_finish,
    CASE g.finish_kind WHEN 'resolved' THEN 'forward' WHEN 'withdrawn' THEN 'withdraw' ELSE 'stop' END,
    g.finish_kind, g.due2),
  (8, g.f8, g.f1 + g.f2 + g.f3 + g.f4 + g.f5 + g.f6 + g.f7 + g.f8, g.t_return, 'returnResult', 'returned', g.due2)
) AS v(k, happened, seq, at, action, to_status, due_at)
WHERE v.happened = 1`;
