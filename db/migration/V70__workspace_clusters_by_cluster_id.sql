-- A cluster is its own record, keyed by its id: a workspace's, or one kept in a warm pool for a
-- workspace to come (workspace_id null). Its members, and the room it holds on the hosts, are the
-- cluster's too, so claiming one from a pool sets its workspace and moves nothing else.
alter table workspace_clusters drop constraint workspace_clusters_pkey;
alter table workspace_clusters drop constraint workspace_clusters_cluster_id;
alter table workspace_clusters add primary key (cluster_id);
alter table workspace_clusters alter column workspace_id drop not null;
alter table workspace_clusters add constraint workspace_clusters_one_per_workspace unique (workspace_id);
alter table workspace_clusters alter column jupyter_token_ciphertext drop not null;

-- every pool cluster gets its cluster record (its image and Spark secret live there now)
insert into workspace_clusters (cluster_id, workspace_id, image, spark_secret_ciphertext,
                                jupyter_token_ciphertext, workers_alive, created_at, updated_at)
select id, null, image, spark_secret_ciphertext, null, 0, created_at, updated_at from pool_clusters;
alter table pool_clusters drop column spark_secret_ciphertext;
alter table pool_clusters add constraint pool_clusters_cluster
    foreign key (id) references workspace_clusters (cluster_id);

-- members by cluster; where a role runs and what its container is called are the runtime's
alter table cluster_members add column cluster_id uuid;
update cluster_members m set cluster_id = c.cluster_id
  from workspace_clusters c where c.workspace_id = m.workspace_id;
delete from cluster_members where cluster_id is null;
alter table cluster_members drop constraint cluster_members_pkey;
alter table cluster_members drop column workspace_id;
alter table cluster_members drop column host_id;
alter table cluster_members drop column container_name;
alter table cluster_members rename column container_id to handle;
alter table cluster_members alter column cluster_id set not null;
alter table cluster_members add primary key (cluster_id, role);
alter table cluster_members add constraint cluster_members_cluster
    foreign key (cluster_id) references workspace_clusters (cluster_id) on delete cascade;

-- the room a claimed cluster holds was moved to its workspace's id by the claim; it is the
-- cluster's now (the host module's holder id)
update host_leases l set workspace_id = c.cluster_id
  from workspace_clusters c where c.workspace_id = l.workspace_id and c.cluster_id <> c.workspace_id;
update host_ports p set workspace_id = c.cluster_id
  from workspace_clusters c where c.workspace_id = p.workspace_id and c.cluster_id <> c.workspace_id;

-- the engine runs steps for warm-pool clusters too: a step's subject is a workspace or a pool cluster
alter table workspace_steps drop constraint workspace_steps_workspace_id_fkey;

-- step kinds in words of clusters, not of containers and hosts
update workspace_steps set kind = 'STOP_CLUSTER' where kind = 'STOP_CONTAINERS';
update workspace_steps set kind = 'REMOVE_CLUSTER' where kind = 'REMOVE_CONTAINERS';
update workspace_steps set kind = 'RELEASE' where kind = 'RELEASE_HOSTS';

-- a pool cluster whose teardown failed waits for the pool manager to try again
alter table pool_clusters drop constraint pool_clusters_state_check;
alter table pool_clusters add constraint pool_clusters_state_check
    check (state in ('STARTING', 'READY', 'REMOVING', 'FAILED'));
