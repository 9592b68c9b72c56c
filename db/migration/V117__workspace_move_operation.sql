-- A workspace whose host does not answer can be moved: a stop that does not wait for that host, then
-- a start elsewhere from its notebooks' last save. One more operation for its steps.
alter table workspace_steps drop constraint workspace_steps_operation_check;
alter table workspace_steps add constraint workspace_steps_operation_check
    check (operation in ('PROVISION', 'STOP', 'START', 'RESIZE', 'REPAIR', 'MOVE', 'TEARDOWN'));
