-- Issue 19, finding 6: IP addresses in the audit log are kept for a retention period, then removed.
-- The audit log stays append-only: the one change its trigger allows is removing an IP address, made
-- only inside psc_expire_audit_ips() (which runs as the schema's owner; the app role has no UPDATE on
-- the table at all, lib/cli/database-roles.ts).
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('psc.audit_ip_expiry', true) = 'on'
     AND OLD.ip IS NOT NULL AND NEW.ip IS NULL
     AND (to_jsonb(NEW) - 'ip') = (to_jsonb(OLD) - 'ip') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The audit log is append-only: % is not allowed on "AuditEvent"', TG_OP;
END;
$$;

-- The events still holding an IP address, by time: what the nightly expiry reads (it shrinks as IPs go).
CREATE INDEX "AuditEvent_at_with_ip_idx" ON "AuditEvent"("at") WHERE "ip" IS NOT NULL;

-- Removes the IP address of at most `max_rows` events recorded before `recorded_before` (UTC, as
-- "at" is stored); returns how many. The job calls it until it returns fewer than max_rows.
CREATE FUNCTION psc_expire_audit_ips(recorded_before timestamp, max_rows integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  expired integer;
BEGIN
  PERFORM set_config('psc.audit_ip_expiry', 'on', true);
  UPDATE "AuditEvent" SET ip = NULL
  WHERE id IN (SELECT id FROM "AuditEvent" WHERE ip IS NOT NULL AND at < recorded_before ORDER BY at LIMIT max_rows);
  GET DIAGNOSTICS expired = ROW_COUNT;
  PERFORM set_config('psc.audit_ip_expiry', 'off', true);
  RETURN expired;
END
$$;
-- Only roles granted it (the app role) may call it.
REVOKE ALL ON FUNCTION psc_expire_audit_ips(timestamp, integer) FROM PUBLIC;
