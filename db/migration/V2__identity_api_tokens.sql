-- Personal API tokens. Only a SHA-256 hash of the token is stored; the token itself is shown once.
create table api_tokens (
    id           uuid primary key,
    user_id      uuid         not null references users (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    prefix       varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);
