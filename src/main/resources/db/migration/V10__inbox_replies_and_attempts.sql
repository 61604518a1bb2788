-- The e-mail inbox: replies to our e-mails reach their case, and a message that keeps failing is
-- counted and left for staff. Portable SQL: runs unchanged on H2 2.x (default mode) and PostgreSQL.

-- A random token in the Message-ID of every e-mail we send (<outbound-{id}.{token}@domain>): a
-- reply names it in In-Reply-To/References, and only who received the e-mail knows the token, so a
-- forged header cannot attach anything to someone else's case. Null for messages recorded before.
alter table outbound_message add column reply_token varchar(32);

-- What an inbound e-mail became: COMPLAINT (a new complaint) or REPLY (a message of an existing
-- case, complaint_id); rows from before this migration are all complaints.
alter table inbound_email add column kind varchar(20) default 'COMPLAINT' not null;

-- Failed attempts to register an inbound e-mail (by its message key, no personal data); after a
-- few the e-mail is flagged and left for staff. Removed when the e-mail is registered.
create table inbound_email_attempt (
    message_key     varchar(64)              not null,  -- as inbound_email.message_key
    attempts        integer                  not null,
    last_attempt_at timestamp with time zone not null,
    constraint pk_inbound_email_attempt primary key (message_key)
);
