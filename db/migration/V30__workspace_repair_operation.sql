-- The reconciler repairs a workspace whose containers died or vanished: one more operation for steps.
alter table workspace_steps drop constraint workspace_steps_operation_check;
alter table workspace_steps add constraint workspace_steps_operation_check
    check (operation in ('PROVISION', 'STOP', 'START', 'REPAIR', 'TEARDOWN'));
