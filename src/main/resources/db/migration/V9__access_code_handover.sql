-- Access codes of complaints whose receipt nobody showed the customer (registered by staff through
-- the Tasklist start form, or from the e-mail inbox): kept here, never in process variables, until
-- the acknowledgement that tells the customer is recorded SENT, or at most until expires_at.
create table access_code_handover (
    complaint_id bigint                   not null,
    access_code  varchar(64)              not null,
    expires_at   timestamp with time zone not null,
    constraint pk_access_code_handover primary key (complaint_id),
    constraint fk_access_code_handover_complaint foreign key (complaint_id) references complaint (id)
);

create index ix_access_code_handover_expires on access_code_handover (expires_at);
