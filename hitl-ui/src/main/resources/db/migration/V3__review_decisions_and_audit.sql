-- Task management on the request: who holds it (claimed or assigned) and since when.
alter table review_request add column assignee varchar(100);
alter table review_request add column claimed_at timestamp with time zone;
create index review_request_assignee on review_request (assignee, status);

-- A decision is recorded once: the review id is the primary key, so a second decision cannot be inserted even if
-- two reviewers race past the optimistic lock on review_request. published_at makes this table the outbox of the
-- review.decided events: null until the event is on the topic; a relay re-sends what stays null.
create table review_decision (
    decision_id        varchar(36)   primary key,
    review_id          varchar(64)   not null unique references review_request (review_id),
    outcome            varchar(20)   not null,  -- approved | rejected
    decided_by         varchar(100)  not null,
    decided_at         timestamp with time zone not null,
    reason             varchar(2000),
    note               varchar(2000),
    proposed_action    text          not null,
    approved_action    text,
    approved_hash      varchar(64),
    edited             boolean       not null,
    published_at       timestamp with time zone
);
create index review_decision_unpublished on review_decision (published_at);

-- Who did what and when, hash-chained: hash = SHA-256(prev_hash | seq | at | actor | action | review_id | detail).
-- Altering any row breaks its own hash and every later link.
create table review_audit (
    seq                bigint        primary key,
    at                 timestamp with time zone not null,
    actor              varchar(100)  not null,
    action             varchar(40)   not null,
    review_id          varchar(64),
    detail             varchar(4000) not null,
    prev_hash          varchar(64)   not null,
    hash               varchar(64)   not null
);
