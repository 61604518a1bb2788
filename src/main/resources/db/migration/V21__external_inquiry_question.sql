-- The question a handler asks other organisations (issue 12): free text, so it lives in the
-- register only, never in the engine (README "Records and privacy").
-- inquiry_question: the question of the complaint's current round of inquiries, written when the
--   draft task is completed with needsExternalInformation and read when each inquiry is sent;
-- external_inquiry.question: the question that inquiry asked (null: the default sentence).
create table inquiry_question (
    complaint_id  bigint        not null primary key,
    question      varchar(4000) not null,
    written_at    timestamp with time zone not null,
    constraint fk_inquiry_question_complaint foreign key (complaint_id) references complaint (id)
);
alter table external_inquiry add column question varchar(4000);
