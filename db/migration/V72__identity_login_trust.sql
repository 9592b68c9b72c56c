-- Where each username signed in successfully lately: failures of other usernames from that address
-- (someone spraying names from a shared address) do not lock that user out there.
create table login_trust (
    username        varchar(150)  not null,
    address         varchar(64)   not null,
    last_success_at timestamptz   not null,
    primary key (username, address)
);
create index login_trust_age on login_trust (last_success_at);
