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

-- A body's history is found through AuditBodyIndex, filled in sorted passes after the records are
-- committed (Audit/AuditBodyIndex.cs) rather than by an index on AuditRecord: an index row per record
-- inserted at a random place cost the journal's single writer as much as the record itself. Records
-- after the mark (AuditIndexMark) are read straight from AuditRecord, so history never misses one.
DROP INDEX IF EXISTS AuditByBody;

CREATE TABLE IF NOT EXISTS AuditBodyIndex
(
    ServiceId TEXT    NOT NULL,
    BodyId    TEXT    NOT NULL,
    At        TEXT    NOT NULL,
    Seq       INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, BodyId, At, Seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS AuditIndexMark
(
    ServiceId TEXT    NOT NULL PRIMARY KEY,
    Seq       INTEGER NOT NULL
);

CREATE TRIGGER IF NOT EXISTS AuditBodyIndexNoUpdate BEFORE UPDATE ON AuditBodyIndex
BEGIN
    SELECT RAISE(ABORT, 'AuditBodyIndex is append-only');
END;

CREATE TRIGGER IF NOT EXISTS AuditBodyIndexNoDelete BEFORE DELETE ON AuditBodyIndex
BEGIN
    SELECT RAISE(ABORT, 'AuditBodyIndex is append-only');
END;

CREATE TRIGGER IF NOT EXISTS AuditRecordNoUpdate BEFORE UPDATE ON AuditRecord
BEGIN
    SELECT RAISE(ABORT, 'AuditRecord is append-only');
END;

CREATE TRIGGER IF NOT EXISTS AuditRecordNoDelete BEFORE DELETE ON AuditRecord
BEGIN
    SELECT RAISE(ABORT, 'AuditRecord is append-only');
END;
