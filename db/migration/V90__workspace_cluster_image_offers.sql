-- What a cluster's image declared it offers when it was prepared (its label
-- org.workspaceportal.image.pyspark): the workspace page says how to run Spark from it.
-- Clusters prepared before this knew nothing: no PySpark, which is what the offline image has.
alter table workspace_clusters add column image_pyspark boolean not null default false;
