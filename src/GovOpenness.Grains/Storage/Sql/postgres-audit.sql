-- The record (留痕) on PostgreSQL: every write, append-only, each row holding the hash of the previous
-- one (see Audit/AuditChain.cs). Idempotent: applied at every start-up. A trigger refuses UPDATE and
-- DELETE, so changing a record takes dropping it first; `govctl audit verify` then finds it.
CREATE TABLE IF NOT EXISTS AuditRecord
(
    ServiceId     TEXT   NOT NULL,
    Seq           BIGINT NOT NULL,
    At            TEXT   NOT NULL,
    Account       TEXT   NOT NULL,
    BodyId        TEXT   NULL,
    Kind          TEXT   NOT NULL,
    Summary       TEXT   NOT NULL,
    RequestId     TEXT   NULL,
    ClientAddress TEXT   NULL,
    PrevHash      TEXT   NOT NULL,
    Hash          TEXT   NOT NULL,
    PRIMARY KEY (ServiceId, Seq)
);

CREATE INDEX IF NOT EXISTS AuditByBody ON AuditRecord (ServiceId, BodyId, At);

CREATE OR REPLACE FUNCTION audit_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'AuditRecord is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_record_append_only ON AuditRecord;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON AuditRecord
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
