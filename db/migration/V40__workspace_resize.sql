-- Workspaces can be resized: one more operation for their steps.
alter table workspace_steps drop constraint workspace_steps_operation_check;
alter table workspace_steps add constraint workspace_steps_operation_check
    check (operation in ('PROVISION', 'STOP', 'START', 'RESIZE', 'REPAIR', 'TEARDOWN'));
