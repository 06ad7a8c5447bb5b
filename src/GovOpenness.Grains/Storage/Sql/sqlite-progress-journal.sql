-- The progress journal on SQLite: the latest progress record of each progress grain ("{body}/{year}"),
-- written by one writer per silo in group commits (many grains' records in one transaction, see
-- Journal/ProgressJournal.cs). Idempotent: applied at every start-up.
--
-- Latest record per key (an upsert), not an append-only log: a grain needs only its latest record to
-- activate, the record is small (a few KB at most), and in one transaction an upsert costs about what
-- an append costs (one B-tree change; the transaction's commit is the expensive part, and that is
-- shared by the whole batch). A log would need compaction and a "latest per key" read on activation.
CREATE TABLE IF NOT EXISTS ProgressJournal
(
    ServiceId  TEXT    NOT NULL,
    GrainKey   TEXT    NOT NULL,
    Payload    TEXT    NOT NULL,
    Version    INTEGER NOT NULL,
    ModifiedOn TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainKey)
) WITHOUT ROWID;
