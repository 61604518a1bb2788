-- The post room: a message to the customer by POST is "handed to the outbox" (SENT) when the
-- organisation is to print and post it; staff record when it actually went into the post and who
-- posted it. Null while not posted. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
alter table outbound_message add column posted_at timestamp with time zone;
alter table outbound_message add column posted_by varchar(64);  -- as complaint_event.actor

-- The text to print when the outbox shows less: the outbox (which every staff member who may read
-- the case sees) masks the access code and survey link, the printed letter must carry them. Only
-- the post room reads it. Null: print the body.
alter table outbound_message add column print_body varchar(30000);

-- Nobody recorded before whether the POST messages already SENT were posted: they stay in the
-- post room's list until staff mark them, so that no letter is silently taken as posted.
create index ix_outbound_message_posted on outbound_message (channel, delivery_state, posted_at);
