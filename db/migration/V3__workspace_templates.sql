-- Admin-managed workspace templates: which image and how big a workspace may be.
create table workspace_templates (
    id               uuid primary key,
    name             varchar(40)  not null unique,
    description      varchar(500),
    image            varchar(200) not null,
    spark_version    varchar(20)  not null,
    default_workers  integer      not null check (default_workers >= 1),
    max_workers      integer      not null check (max_workers >= default_workers),
    worker_cores     integer      not null check (worker_cores >= 1),
    worker_memory_mb integer      not null check (worker_memory_mb >= 256),
    is_default       boolean      not null default false,
    enabled          boolean      not null default true,
    created_at       timestamptz  not null,
    version          bigint       not null default 0
);
create unique index workspace_templates_one_default on workspace_templates (is_default) where is_default;

insert into workspace_templates (id, name, description, image, spark_version, default_workers, max_workers,
                                 worker_cores, worker_memory_mb, is_default, enabled, created_at)
values ('00000000-0000-0000-0000-000000000001', 'spark-4.0-small',
        'Spark 4.0 standalone with a Jupyter notebook; small workers for exploration.',
        'workspace-portal/spark:4.0', '4.0.1', 2, 4, 1, 2048, true, true, now());
