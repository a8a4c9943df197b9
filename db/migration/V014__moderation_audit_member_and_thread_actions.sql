-- The audit log also records decisions about members (sanctions, role changes) and thread controls.
-- Only the check constraints change; existing rows are untouched (the table stays insert-only).
alter table moderation_audit drop constraint moderation_audit_action;
alter table moderation_audit add constraint moderation_audit_action check (action in (
    'CLAIM', 'RELEASE', 'DISMISS', 'HIDE', 'RESTORE', 'SOFT_DELETE', 'AUTO_HIDE', 'VIEW',
    'WARN', 'SILENCE', 'SUSPEND', 'BAN', 'LIFT', 'ROLE_CHANGE',
    'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'SLOW_MODE'));
alter table moderation_audit drop constraint moderation_audit_target_type;
alter table moderation_audit add constraint moderation_audit_target_type check (
    target_type in ('POST', 'TOPIC', 'POLL_OPTION', 'ACCOUNT'));
