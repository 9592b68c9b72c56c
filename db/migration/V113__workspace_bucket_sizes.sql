-- A template may give its workspaces' buckets a size (a hard quota on the array, in GiB; null: the
-- storage adapter's default, if any). A workspace keeps the size it was requested with, so that a
-- later change of the template neither resizes its bucket nor changes what its team is counted for.
alter table workspace_templates add column bucket_quota_gib integer check (bucket_quota_gib between 1 and 1048576);
alter table workspaces add column bucket_quota_gib integer check (bucket_quota_gib between 1 and 1048576);
