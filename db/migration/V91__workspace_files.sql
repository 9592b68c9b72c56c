-- A workspace's notebook files kept in its bucket (issue 22): what the last save put there (the
-- manifest the next save compares with and a start restores from), when, and how the latest try
-- went. One row per workspace with a notebook, made by its first save.
create table workspace_files (
    workspace_id         uuid          primary key references workspaces (id),
    -- one line per folder or file: kind, mode, size, modified (epoch s), path (URL-encoded)
    manifest             text,
    files                integer       not null default 0,
    bytes                bigint        not null default 0,
    -- when the last successful save began reading; a file modified in that second is saved again
    snapshot_at          timestamptz,
    saved_at             timestamptz,
    save_took_ms         bigint,
    last_attempt_at      timestamptz,
    last_error           text,
    failing_since        timestamptz,
    -- a save in progress holds the row until then (one save of a workspace at a time, on any
    -- portal instance); a save that died frees it when this passes
    saving_until         timestamptz,
    version              bigint        not null default 0
);
