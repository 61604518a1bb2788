-- The acknowledgements of the last 24 hours are counted per contact before each one is sent
-- (notification.AcknowledgementCap): an index keeps that count off a scan of the whole outbox.
-- Portable SQL: runs unchanged on H2 2.x (default mode) and PostgreSQL.
create index ix_outbound_message_kind_created on outbound_message (kind, created_at);
