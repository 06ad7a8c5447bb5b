-- Accounts on PostgreSQL (see Accounts/AccountStore.cs). Idempotent: applied at every start-up.
-- One row per account: it belongs to one body and holds roles (editor, reporter, reviewer, admin);
-- the password is an ASP.NET Core Identity PasswordHasher hash, never the password.
CREATE TABLE IF NOT EXISTS Account
(
    ServiceId    TEXT    NOT NULL,
    Name         TEXT    NOT NULL,
    BodyId       TEXT    NOT NULL,
    Roles        TEXT    NOT NULL,
    PasswordHash TEXT    NOT NULL,
    FailedCount  INTEGER NOT NULL,
    LockedUntil  TEXT    NULL,
    CreatedOn    TEXT    NOT NULL,
    CreatedBy    TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, Name)
);

CREATE INDEX IF NOT EXISTS AccountByBody ON Account (ServiceId, BodyId);
