-- Prompt email: when an email is queued (written, or put back by an administrator's retry or a
-- change of digest preference), tell the delivery workers on commit, so they send it now instead
-- of at their next timed round. PostgreSQL folds the identical notices of one transaction into one.
CREATE FUNCTION notification_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wraparound_outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER notification_outbox_wake
  AFTER INSERT OR UPDATE OF status ON notification
  FOR EACH ROW WHEN (NEW.channel = 'EMAIL' AND NEW.status = 'PENDING')
  EXECUTE FUNCTION notification_outbox_wake();
