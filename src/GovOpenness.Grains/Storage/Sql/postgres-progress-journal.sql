-- The progress journal on PostgreSQL: the latest progress record of each progress grain
-- ("{body}/{year}"), written by one writer per silo in group commits: one INSERT … SELECT FROM unnest
-- of the whole batch (see Journal/ProgressJournal.cs). Idempotent: applied at every start-up.
-- Latest record per key rather than an append-only log: see sqlite-progress-journal.sql.
CREATE TABLE IF NOT EXISTS progressjournal
(
    serviceid  varchar(150) NOT NULL,
    grainkey   varchar(300) NOT NULL,
    payload    text         NOT NULL,
    version    bigint       NOT NULL,
    modifiedon timestamptz  NOT NULL,
    CONSTRAINT pk_progressjournal PRIMARY KEY (serviceid, grainkey)
);
