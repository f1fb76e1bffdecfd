-- Idempotent consumers: one row per (consumer, input event id), written in the same transaction as the consumer's
-- state change. A redelivered event finds its row and re-emits the recorded output instead of deciding again.
create table processed_event (
    consumer        varchar(100)  not null,
    event_id        varchar(200)  not null,
    event_type      varchar(200)  not null,
    subject         varchar(200),
    output_event_id varchar(200),
    output_type     varchar(200),
    output_subject  varchar(200),
    output_payload  text,
    processed_at    timestamp with time zone not null,
    primary key (consumer, event_id)
);
create index processed_event_output on processed_event (output_event_id);
