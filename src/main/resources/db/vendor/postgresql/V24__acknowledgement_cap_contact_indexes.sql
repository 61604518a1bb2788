-- PostgreSQL only (db/vendor/{vendor}, application.yaml): H2 has no index on an expression, and
-- the default run's single node never holds the outbox of a busy day. Versions are shared with
-- db/migration, so no migration there may take version 24.
--
-- Before each acknowledgement, notification.AcknowledgementCap counts the acknowledgements to the
-- same contact in the last 24 hours, by a key computed from the recipient. With only the index on
-- (kind, created_at) that count computed the key of every acknowledgement of the day: after an
-- outage with thousands of complaints, each registration read them all (measured on the benchmark's
-- 100k seeding: the count was the database's largest cost). These indexes hold the key itself, in
-- exactly the expressions the count compares (AcknowledgementCap.EMAIL_KEY and phoneKey), so the
-- count reads only the contact's own messages.
create index ix_outbound_message_email_contact on outbound_message
    (kind, channel, (regexp_replace(lower(trim(recipient)), '[+][^@]*@', '@')), created_at);
create index ix_outbound_message_phone_contact on outbound_message
    (kind, channel, (right(regexp_replace(recipient, '[^0-9]', '', 'g'), 8)), created_at);
