-- Approvers per team (issue 24): people named here, and/or everyone whose last sign-in through the
-- provider carried the team's approver group, approve its members' requests (not their own). Admins
-- approve everything, as before.
alter table teams add column approver_group varchar(200);
create table team_approvers (
    team_id  uuid        not null references teams (id) on delete cascade,
    username varchar(64) not null,
    primary key (team_id, username)
);
create index team_approvers_by_username on team_approvers (username);
