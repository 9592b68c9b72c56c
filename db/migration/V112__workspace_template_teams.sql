-- Templates open to named teams only (issue 24); a template with no row here is open to everyone.
create table template_teams (
    template_id uuid        not null references workspace_templates (id) on delete cascade,
    team_name   varchar(64) not null,
    primary key (template_id, team_name)
);
