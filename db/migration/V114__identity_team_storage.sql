-- A team's storage limit: the bucket sizes of its members' live workspaces together, in GiB; null: none.
alter table teams add column max_storage_gib integer check (max_storage_gib >= 0);
