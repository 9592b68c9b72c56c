-- What was provisioned on the storage system for a workspace. Names are derived from the workspace id
-- so that a retry finds what an earlier attempt made. The secret key is AES-GCM encrypted.
create table workspace_storage (
    workspace_id      uuid primary key references workspaces (id),
    account           varchar(63)  not null,
    object_user       varchar(63)  not null,
    bucket            varchar(63)  not null unique,
    datahub           varchar(63),
    access_key_id     varchar(128),
    secret_ciphertext varchar(512),
    s3_endpoint       varchar(500),
    nfs_address       varchar(255),
    verified_at       timestamptz,
    updated_at        timestamptz  not null
);
