-- Ports a workspace's containers listen on. Containers use host networking, so every port is taken
-- on the host's address: unique per address (two registered engines on one machine share one
-- address and one port space), across workspaces and portal instances.
create table host_ports (
    address       varchar(255) not null,
    port          integer      not null check (port between 1024 and 65535),
    host_id       uuid         not null references hosts (id),
    workspace_id  uuid         not null,
    role          varchar(40)  not null,
    primary key (address, port)
);
create index host_ports_workspace on host_ports (workspace_id);
