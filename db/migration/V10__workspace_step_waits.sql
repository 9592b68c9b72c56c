-- The engine made general: a step may wait (for an image pull, a worker registering) without
-- failing, and steps are kept per run of an operation, so an operation that can happen again (stop,
-- start) gets fresh steps while a retry continues the current ones.
alter table workspaces add column run integer not null default 1;

alter table workspace_steps add column run integer not null default 1;
alter table workspace_steps add column waiting_since timestamptz;
alter table workspace_steps add column waiting_for varchar(2000);

alter table workspace_steps drop constraint workspace_steps_status_check;
alter table workspace_steps add constraint workspace_steps_status_check
    check (status in ('PENDING', 'RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED'));

alter table workspace_steps drop constraint workspace_steps_workspace_id_operation_kind_key;
alter table workspace_steps add constraint workspace_steps_one_per_run
    unique (workspace_id, run, operation, kind);
