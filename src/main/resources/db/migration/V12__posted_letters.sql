-- The post room: a message to the customer by POST is "handed to the outbox" (SENT) when the
-- organisation is to print and post it; staff record when it actually went into the post and who
-- posted it. Null while not posted. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
alter table outbound_message add column posted_at timestamp with time zone;
alter table outbound_message add column posted_by varchar(64);  -- as complaint_event.actor

-- Nobody recorded before whether the POST messages already SENT were posted: they stay in the
-- post room's list until staff mark them, so that no letter is silently taken as posted.
create index ix_outbound_message_posted on outbound_message (channel, delivery_state, posted_at);
