-- Anonymisation of a case (eu.complaintdesk.privacy): when its personal data and texts were
-- removed, and why: RETENTION (the nightly job, complaints.retention.*) or ERASURE (a customer's
-- request, POST /api/staff/erasures). Null while the case holds its data. The figures the reports
-- read (dates, channel, type, category, status, outcome, deadlines, survey score) are kept.
-- Portable SQL: runs unchanged on H2 2.x (default mode) and PostgreSQL.
alter table complaint add column anonymised_at timestamp with time zone;
alter table complaint add column anonymised_reason varchar(20);

-- The retention job looks for closed cases not yet anonymised, oldest first.
create index ix_complaint_anonymise on complaint (anonymised_at, closed_at);

-- When the case's documents (attachments, answer letters, message bodies) were removed: by the
-- retention of documents (complaints.retention.documents) or with the anonymisation.
alter table complaint add column documents_removed_at timestamp with time zone;
