-- Where in the portal an audit row's target is (its workspace's page, the row of a user, template or
-- host), so the audit trail links to what it names. Null for rows written before, and for targets
-- with no page (a sign-in attempt for an unknown name).
alter table audit_events add column target_path varchar(300);
