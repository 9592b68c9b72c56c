-- Single sign-on (portal.sso.*): a user made at her first sign-in through the site's OpenID Connect
-- provider stays linked to the provider's subject (issuer + sub), whatever her username claim says
-- later. Name and e-mail are the provider's, refreshed at each sign-in. Local users have none.
alter table users add column sso_issuer varchar(512);
alter table users add column sso_subject varchar(255);
alter table users add column display_name varchar(200);
alter table users add column email varchar(320);
alter table users add constraint users_sso_pair check ((sso_issuer is null) = (sso_subject is null));
create unique index users_sso_identity on users (sso_issuer, sso_subject) where sso_subject is not null;
