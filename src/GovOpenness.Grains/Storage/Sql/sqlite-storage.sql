-- GovOpenness grain storage on SQLite, in the shape Orleans' ADO.NET storage provider expects: it
-- reads its three queries from OrleansQuery by key and binds @GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary and
-- @GrainStateVersion. Idempotent: applied at every start-up.
--
-- Every query starts with PRAGMA synchronous=NORMAL (a per-connection setting the provider gives no
-- other hook for): in WAL mode a commit then survives a crash of the process, and only a power loss
-- may lose the last commits (never corrupting the file); FULL would fsync every grain write.
--
-- Differences from the stock script: one row per grain state under a real primary key (a string
-- key's extension is stored as '' instead of NULL so the key is unique), WITHOUT ROWID, and upserts
-- with RETURNING instead of temporary tables and triggers.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL DEFAULT '',
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    PRIMARY KEY (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
) WITHOUT ROWID;

-- A first write (no version yet) inserts; a later one updates only if the version still matches.
-- On a version mismatch the old version comes back, which the provider reports as a conflict.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
    PRAGMA synchronous=NORMAL;
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, COALESCE(@GrainIdExtensionString, ''''), @ServiceId, @PayloadBinary, datetime(''now''), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version AS NewGrainStateVersion;

    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = datetime(''now''), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
      AND ServiceId = @ServiceId
      AND @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;

    SELECT @GrainStateVersion AS NewGrainStateVersion
    WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
    PRAGMA synchronous=NORMAL;
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
      AND ServiceId = @ServiceId;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
    PRAGMA synchronous=NORMAL;
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = datetime(''now''), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;

    SELECT @GrainStateVersion AS NewGrainStateVersion
    WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;
');
