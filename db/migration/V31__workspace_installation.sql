-- Who this portal is, on hosts it may share with another portal (or another test run): every
-- container and volume it makes carries this id in a label, and the reconciler removes orphans
-- only among those. One row, made once; two instances of one portal share it through the database.
create table portal_installation (
    id          uuid         primary key,
    created_at  timestamptz  not null default now(),
    singleton   boolean      not null default true unique check (singleton)
);
insert into portal_installation (id) values (gen_random_uuid());
