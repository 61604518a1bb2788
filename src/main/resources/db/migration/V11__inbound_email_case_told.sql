-- When the case of an e-mail taken in as a reply was told that it has a message (the message is
-- kept first, the case told after): null while not told, so that the next poll, finding the
-- e-mail kept, tells the case instead of leaving it waiting. Portable SQL (H2 2.x, PostgreSQL).
alter table inbound_email add column case_told_at timestamp with time zone;

-- Of replies taken in before, nobody knows whether their case was told: they count as told, so
-- that no case is told twice.
update inbound_email set case_told_at = registered_at where kind = 'REPLY';
