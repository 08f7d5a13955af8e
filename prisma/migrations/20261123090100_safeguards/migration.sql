-- Guarantees the database keeps by itself, whatever the application does.

-- 1. Safeguarding records are never hard-deleted: they are corrected with a visible history.
CREATE FUNCTION forbid_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never deleted: safeguarding records are corrected, not removed', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'partnership', 'organisation', 'user',
    'child', 'child_status_period', 'child_revision', 'child_link', 'child_assignment',
    'chronology_entry', 'entry_revision', 'concern', 'referral',
    'share', 'information_request', 'information_request_recipient', 'encompass_notification',
    'restriction', 'restriction_member', 'break_glass_grant',
    'escalation_ladder', 'ladder_stage', 'ladder_reason_category',
    'disagreement', 'disagreement_stage', 'disagreement_contribution', 'disagreement_action',
    'notification_event', 'notification'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION forbid_delete()',
                   t || '_forbid_delete', t);
  END LOOP;
END
$$;

-- Revisions are history: written once, never changed.
CREATE FUNCTION forbid_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are history and never change', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER child_revision_forbid_update BEFORE UPDATE ON child_revision
  FOR EACH ROW EXECUTE FUNCTION forbid_update();
CREATE TRIGGER entry_revision_forbid_update BEFORE UPDATE ON entry_revision
  FOR EACH ROW EXECUTE FUNCTION forbid_update();

-- 2. The audit trail is append-only and hash-chained.
--    Each row's hash covers the previous row's hash and every column of the row, so an edit made
--    by a connection that can bypass the triggers (a superuser) breaks the chain at that row;
--    `audit_event_verify()` finds the first break.
CREATE FUNCTION audit_event_digest(prev text, e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    prev, e.seq::text, e."partnershipId"::text,
    to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e."actorUserId"::text, e."actorOrganisationId"::text, e.action, e."subjectType",
    e."subjectId"::text, e."childId"::text, e.purpose, e.detail::text, e."sessionId"::text,
    e."ipAddress"), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last_hash text;
BEGIN
  -- Appends are serialised: concurrent writers reading the same "last" row would fork the chain.
  -- The sequence number is drawn under the lock so sequence order is chain order.
  PERFORM pg_advisory_xact_lock(hashtext('wraparound.audit_event_chain'));
  NEW.seq := nextval(pg_get_serial_sequence('audit_event', 'seq'));
  SELECT hash INTO last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
  NEW."prevHash" := coalesce(last_hash, 'genesis');
  NEW.hash := audit_event_digest(NEW."prevHash", NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Walks the chain in order and returns the first row whose links or hash do not match, if any.
CREATE FUNCTION audit_event_verify()
RETURNS TABLE (checked bigint, first_broken_seq bigint, head_hash text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r audit_event;
  prev text := 'genesis';
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_event ORDER BY seq LOOP
    n := n + 1;
    IF r."prevHash" <> prev OR r.hash <> audit_event_digest(prev, r) THEN
      RETURN QUERY SELECT n, r.seq, prev;
      RETURN;
    END IF;
    prev := r.hash;
  END LOOP;
  RETURN QUERY SELECT n, NULL::bigint, prev;
END
$$;
