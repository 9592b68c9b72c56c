-- Teams (issue 24): people grouped for quotas and templates. A team is made in the portal, with
-- members named there, and/or bound to a group of the single sign-on provider (its members are the
-- people whose last sign-in carried that group). Limits are on top of each member's own; null: none.
create table teams (
    id             uuid primary key,
    name           varchar(64)  not null unique,
    sso_group      varchar(200) unique,
    max_workspaces integer check (max_workspaces >= 0),
    max_workers    integer check (max_workers >= 0),
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);

create table team_members (
    team_id  uuid        not null references teams (id) on delete cascade,
    username varchar(64) not null,
    primary key (team_id, username)
);

-- The groups of a person's last sign-in through the provider (local accounts have none).
create table user_groups (
    user_id    uuid         not null references users (id) on delete cascade,
    group_name varchar(200) not null,
    primary key (user_id, group_name)
);
create index user_groups_by_group on user_groups (group_name);
