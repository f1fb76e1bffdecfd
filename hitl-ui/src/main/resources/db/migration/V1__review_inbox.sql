-- The reviewer's inbox: one row per review request, keyed by the request's stable id (a redelivered request is
-- the same row). Outcome and proposed action are kept as JSON for context; the action hash binds an approval.
create table review_request (
    review_id          varchar(64)   primary key,
    function_name      varchar(40)   not null,
    subject_id         varchar(200)  not null,
    summary            varchar(1000) not null,
    reasons            text          not null,
    confidence         double precision not null,
    risk               varchar(20)   not null,
    priority           integer       not null,  -- 0 low, 1 normal, 2 high, 3 urgent
    candidate_group    varchar(60)   not null,
    proposed_action    text          not null,
    action_hash        varchar(64)   not null,
    outcome            text          not null,
    engine             varchar(20)   not null,
    tier               varchar(20)   not null,
    requested_at       timestamp with time zone not null,
    due_at             timestamp with time zone not null,
    on_timeout         varchar(100)  not null,
    bulk_allowed       boolean       not null,
    status             varchar(20)   not null,
    version            bigint        not null default 0
);
create index review_request_status_due on review_request (status, due_at);
create index review_request_function on review_request (function_name, status);
