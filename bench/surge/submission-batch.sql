-- PostgreSQL alone doing the database work of 16 submissions as Puente shares it (ADR 0024): one read of the
-- accounts with their travellers and earlier keys, one read of the day, then the 16 requests and their travellers
-- stored in one transaction. Each transaction takes 16 consecutive applicants prepared by `surge-prepare` and a
-- service date of its own far in the future, so no unique index refuses a row.
--   pgbench -n -M extended -c 8 -j 2 -T 15 -D applicants=120000 -f bench/surge/submission-batch.sql DATABASE
-- Submissions per second = tps x 16 (docs/benchmarks/surge.md).
\set first random(0, :applicants - 16)
\set d random(1, 1000000000)
SELECT a."Id", a."SecurityStamp", a."EmailConfirmed" OR a."PhoneNumberConfirmed", (SELECT a0."RegisteredOn" FROM applicants AS a0 WHERE a0."UserId" = a."Id" LIMIT 1), t0."Id", t0."EntryKey", t0."NamesKey", a2."IdempotencyKey", a2."Id" FROM "AspNetUsers" AS a LEFT JOIN (SELECT t."Id", t."EntryKey", t."NamesKey", t."ApplicantUserId" FROM travellers AS t WHERE t."Id" = ANY (ARRAY(SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(CAST(:first AS int) + g), 12, '0'))::uuid FROM generate_series(0, 15) g))) AS t0 ON a."Id" = t0."ApplicantUserId" LEFT JOIN (SELECT a1."IdempotencyKey", a1."Id", a1."ApplicantUserId" FROM appointment_requests AS a1 WHERE a1."IdempotencyKey" IS NOT NULL AND a1."IdempotencyKey" = ANY ('{}'::text[])) AS a2 ON a."Id" = a2."ApplicantUserId" WHERE a."Id" = ANY (ARRAY(SELECT 'surge-' || (CAST(:first AS int) + g) FROM generate_series(0, 15) g)) ORDER BY a."Id", t0."Id";
SELECT "ServiceDate", "Status", "Secret" FROM draw_days WHERE "ServiceDate" = ANY (ARRAY[CURRENT_DATE + 3]);
BEGIN;
INSERT INTO appointment_requests ("Id", "ApplicantUserId", "IdempotencyKey", "Ports", "ReenterUntilSelected", "RegisteredOn", "ServiceDate", "Size", "StandingApplicantUserId", "Status", "SubmittedAt", "Ticket", "WithdrawnAt") SELECT md5(CAST(:d AS text) || '-' || CAST(:first AS text) || '-' || g)::uuid, 'surge-' || (CAST(:first AS int) + g), NULL, '2504', false, DATE '2026-10-21', DATE '3000-01-01' + CAST(:d AS int), 1, 'surge-' || (CAST(:first AS int) + g), 'Entered', now(), upper(substr(md5(CAST(:d AS text) || 'x' || CAST(:first AS text) || 'x' || g), 1, 12)), NULL FROM generate_series(0, 15) g;
INSERT INTO request_travellers ("RequestId", "TravellerId", "EntryKey", "NamesKey", "ServiceDate") SELECT md5(CAST(:d AS text) || '-' || CAST(:first AS text) || '-' || g)::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(CAST(:first AS int) + g), 12, '0'))::uuid, 'doc' || chr(58) || 'MEX' || chr(58) || 'S' || (CAST(:first AS int) + g), 'surge|' || (CAST(:first AS int) + g), DATE '3000-01-01' + CAST(:d AS int) FROM generate_series(0, 15) g;
END;
