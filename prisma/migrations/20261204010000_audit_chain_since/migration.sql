-- The audit chain's head is anchored outside the database by signed checkpoints (the server's
-- audit checkpointer). Each new checkpoint walks only the rows after the last one, from the hash
-- that checkpoint signed, and returns the new head's sequence number and hash.
CREATE FUNCTION audit_event_verify_since(after_seq bigint, after_hash text)
RETURNS TABLE (checked bigint, first_broken_seq bigint, head_seq bigint, head_hash text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r audit_event;
  prev text := coalesce(after_hash, 'genesis');
  last_seq bigint := after_seq;
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_event WHERE after_seq IS NULL OR seq > after_seq ORDER BY seq LOOP
    n := n + 1;
    IF r."prevHash" <> prev OR r.hash <> audit_event_digest(prev, r) THEN
      RETURN QUERY SELECT n, r.seq, last_seq, prev;
      RETURN;
    END IF;
    prev := r.hash;
    last_seq := r.seq;
  END LOOP;
  RETURN QUERY SELECT n, NULL::bigint, last_seq, prev;
END
$$;
