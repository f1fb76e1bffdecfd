-- A2A tasks: the task as the A2A JSON (io.a2a.spec.Task), so any replica can answer tasks/get and tasks/cancel.
-- review_id links an input-required task to the review request that holds it (resumed when the reviewer decides).
create table a2a_task (
    task_id    varchar(100) not null primary key,
    context_id varchar(100) not null,
    skill      varchar(50)  not null,
    state      varchar(30)  not null,
    review_id  varchar(100),
    task       text         not null,
    updated_at timestamp with time zone not null,
    version    bigint       not null
);
create index a2a_task_review on a2a_task (review_id);
