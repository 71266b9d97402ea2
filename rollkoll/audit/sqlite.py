"""The append-only triggers of the event table on SQLite (PostgreSQL has its own, 0002).

Kept here because two places need them: migration 0004 creates them, and the
`flush` command drops them while it empties the database and then puts them
back. A migration that remakes the table on SQLite drops its triggers: such a
migration must create them again.
"""

CREATE_TRIGGERS = [
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_event_append_only_{verb.lower()}
    BEFORE {verb} ON audit_event
    BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only');
    END
    """
    for verb in ("UPDATE", "DELETE")
]

DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS audit_event_append_only_{verb}" for verb in ("update", "delete")
]
