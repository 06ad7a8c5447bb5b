-- The record (留痕) on SQLite: every write, append-only, each row holding the hash of the previous
-- one (see Audit/AuditChain.cs). Idempotent: applied at every start-up. The triggers refuse UPDATE
-- and DELETE, so changing a record takes dropping them first; `govctl audit verify` then finds it.
CREATE TABLE IF NOT EXISTS AuditRecord
(
    ServiceId     TEXT    NOT NULL,
    Seq           INTEGER NOT NULL,
    At            TEXT    NOT NULL,
    Account       TEXT    NOT NULL,
    BodyId        TEXT    NULL,
    Kind          TEXT    NOT NULL,
    Summary       TEXT    NOT NULL,
    RequestId     TEXT    NULL,
    ClientAddress TEXT    NULL,
    PrevHash      TEXT    NOT NULL,
    Hash          TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, Seq)
);

CREATE INDEX IF NOT EXISTS AuditByBody ON AuditRecord (ServiceId, BodyId, At);

CREATE TRIGGER IF NOT EXISTS AuditRecordNoUpdate BEFORE UPDATE ON AuditRecord
BEGIN
    SELECT RAISE(ABORT, 'AuditRecord is append-only');
END;

CREATE TRIGGER IF NOT EXISTS AuditRecordNoDelete BEFORE DELETE ON AuditRecord
BEGIN
    SELECT RAISE(ABORT, 'AuditRecord is append-only');
END;
