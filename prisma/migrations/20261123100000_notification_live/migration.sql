-- Live updates: when an in-app notification is committed, tell every listening server process
-- who it is for and its id (nothing else: listeners re-read it with the recipient's permissions).
-- NOTIFY is transactional, so a rolled-back change announces nothing.
CREATE FUNCTION notification_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wraparound_notification', NEW."recipientUserId"::text || ':' || NEW.id::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER notification_announce
  AFTER INSERT ON notification
  FOR EACH ROW WHEN (NEW.channel = 'IN_APP')
  EXECUTE FUNCTION notification_announce();
