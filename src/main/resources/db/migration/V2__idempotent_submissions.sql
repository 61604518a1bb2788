-- Submissions made with an Idempotency-Key: a retry with the same key and body gets the first
-- result (including the access code, kept here only for the retention period), another body
-- with the same key is refused.
create table idempotent_submission (
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    complaint_id     bigint       not null,
    access_code      varchar(64)  not null,
    response_due_date date        not null,
    created_at       timestamp with time zone not null,
    constraint pk_idempotent_submission primary key (idempotency_key),
    constraint fk_idempotent_submission_complaint foreign key (complaint_id) references complaint (id)
);

create index ix_idempotent_submission_created on idempotent_submission (created_at);
