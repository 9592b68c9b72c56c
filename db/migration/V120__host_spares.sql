-- Spare pods: a network and an idle pod (the container that holds a cluster's network namespace and
-- publishes its ports) made on a host before any workspace asks, so that a new workspace's cluster
-- adopts one instead of waiting the quarter second an engine takes to set a pod's namespace up.
-- A spare holds a subnet and the master's ports on its host (host_subnets, host_ports, under the
-- spare's id, which becomes the id of the cluster that adopts it) and no cores or memory. The row
-- goes when a cluster adopts the spare (in the same transaction that places the cluster) or when
-- the spare is given back. Only a spare whose pod runs (made_at set) is adopted: one still being
-- made would be taken for a pod that stopped and made again.
create table host_spares (
    holder_id   uuid         primary key,
    host_id     uuid         not null references hosts (id),
    image       varchar(255) not null,
    created_at  timestamptz  not null,
    made_at     timestamptz
);
create index host_spares_host on host_spares (host_id);
