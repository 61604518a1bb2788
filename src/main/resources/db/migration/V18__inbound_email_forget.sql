-- The mailbox's copies of a case's e-mails go when the case is anonymised (issue 11): the
-- anonymisation marks the case's e-mails (forget_requested_at, in its transaction), and the inbox
-- poller's next round deletes every message with a marked Message-ID from the inbox folder and the
-- processed folder, then records that (forgotten_at) and clears the mark. The mailbox is not part
-- of the database transaction: a round that fails leaves the marks for the next one.
-- Portable SQL: runs unchanged on H2 2.x (default mode) and PostgreSQL.
alter table inbound_email add column forget_requested_at timestamp with time zone;
alter table inbound_email add column forgotten_at timestamp with time zone;

-- The poller asks at every round whether anything is marked: only marked rows have a value here.
create index ix_inbound_email_forget on inbound_email (forget_requested_at);
