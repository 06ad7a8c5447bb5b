-- Evidence files (佐证材料) on PostgreSQL: metadata and bytes in one row, written in one statement, so an
-- id is readable only once its whole file is stored, and deleting a row leaves nothing behind (a bytea
-- column, not a large object: see src/GovOpenness.Server/README.md, “Evidence storage”). Idempotent.
CREATE TABLE IF NOT EXISTS evidencefiles
(
    serviceid   varchar(150)  NOT NULL,
    id          varchar(40)   NOT NULL,
    name        varchar(400)  NOT NULL,
    contenttype varchar(200)  NOT NULL,
    size        bigint        NOT NULL,
    sha256      char(64)      NOT NULL,
    bodyid      varchar(150)  NOT NULL,
    account     varchar(150),
    uploadedat  timestamptz   NOT NULL,
    content     bytea         NOT NULL,
    CONSTRAINT pk_evidencefiles PRIMARY KEY (serviceid, id)
);
-- The bytes are already compressed formats (PDF, images, Office zips) and read whole: stored out of line, not compressed again.
ALTER TABLE evidencefiles ALTER COLUMN content SET STORAGE EXTERNAL;
