-- Inquiries to other organisations reach them by e-mail (issue 12).
-- organisation_id: the directory id (dmn/OrganisationDirectory.dmn) of the organisation asked,
--   null for a name that is not in the directory (reached by phone or post);
-- message_key: the dedup key of the inquiry's outbound message, so that a reply naming that
--   e-mail's Message-ID reaches this inquiry (its reminder's key is message_key || ':reminder');
-- reminded_at: when the one reminder to an organisation that has not answered went out.
alter table external_inquiry add column organisation_id varchar(100);
alter table external_inquiry add column message_key varchar(200);
alter table external_inquiry add column reminded_at timestamp with time zone;
create index ix_external_inquiry_message on external_inquiry (complaint_id, message_key);
