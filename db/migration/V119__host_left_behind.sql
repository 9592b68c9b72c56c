-- What a cluster let go of on a host that did not answer (a move off a lost host; a stop or a
-- delete while its host was down): its old containers may still run there when the host answers
-- again, holding their published ports and their network's subnet. Those ports and that subnet stay
-- leased, under a holder of their own named here, until the host answers and the orphan sweep finds
-- nothing of the cluster left on it (or the cluster placed there anew, which clears the old run
-- first); a new cluster placed there meanwhile gets other ports and another subnet instead of the
-- engine's "port is already allocated".
create table host_left_behind (
    holder_id   uuid         primary key,
    host_id     uuid         not null references hosts (id),
    cluster_id  uuid         not null,
    left_at     timestamptz  not null
);
create index host_left_behind_host on host_left_behind (host_id);
