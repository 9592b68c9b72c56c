-- A cluster's containers on a host now share one network namespace, its pod, which publishes
-- Jupyter's port leased with the master. A pool cluster started before has no pod and no such
-- port, so a notebook could not join it: each goes as the pool manager drains an unfit one (its
-- job tears it down), and the manager refills the pool with clusters that have a pod.
update pool_clusters
   set state = 'REMOVING',
       reason = 'started before clusters ran in a pod: replaced by one that does',
       updated_at = now()
 where state in ('STARTING', 'READY');
