-- Every cluster runs on a network of its own on its host: a subnet leased to it there, from the
-- portal's network pool (portal.host.network-pool). One subnet per holder and host, never two
-- holders on one subnet of one host.
create table host_subnets (
    host_id     uuid         not null references hosts (id),
    holder_id   uuid         not null,
    subnet      varchar(43)  not null,
    created_at  timestamptz  not null,
    primary key (host_id, holder_id),
    unique (host_id, subnet)
);
create index host_subnets_holder on host_subnets (holder_id);
