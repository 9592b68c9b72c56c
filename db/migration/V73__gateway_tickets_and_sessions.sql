-- The workspace gateway (module gateway). Only hashes (SHA-256) of the random values that travel
-- in URLs and cookies are kept: a copy of this table opens nothing.

-- One-time tickets: the portal's open page hands one to a signed-in owner, the gateway redeems it
-- (within seconds) for a session of the workspace's origin.
create table gateway_tickets (
    ticket_hash         bytea primary key,
    workspace_id        uuid not null references workspaces (id) on delete cascade,
    username            text not null,
    portal_session_hash bytea not null,
    -- hex SHA-256 of the state cookie the workspace's origin gave the browser that asked: the
    -- ticket opens the origin in that browser only
    state_hash          text not null,
    expires_at          timestamptz not null
);

-- A browser's session on one workspace's origin. It ends at its expiry, when the portal session it
-- came from ends (sign-out, timeout) or when its user is disabled.
create table gateway_sessions (
    session_hash        bytea primary key,
    workspace_id        uuid not null references workspaces (id) on delete cascade,
    username            text not null,
    portal_session_hash bytea not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    remote_address      text,
    -- the Spark UI's first open in this session is audited, later ones are not
    spark_ui_opened     boolean not null default false
);
create index gateway_sessions_portal_session on gateway_sessions (portal_session_hash);
create index gateway_sessions_expiry on gateway_sessions (expires_at);
create index gateway_tickets_expiry on gateway_tickets (expires_at);
