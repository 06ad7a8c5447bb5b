-- Milestone notes on PostgreSQL (see sqlite-milestone-notes.sql): stored before the body grain goes
-- on, removed once the progress grain journaled them, re-sent by any silo when overdue (a lease in
-- dueat, claimed with FOR UPDATE SKIP LOCKED). Idempotent: applied at every start-up.
CREATE TABLE IF NOT EXISTS milestonenotes
(
    serviceid varchar(150) NOT NULL,
    bodyid    varchar(150) NOT NULL,
    year      integer      NOT NULL,
    kind      integer      NOT NULL,
    day       date         NOT NULL,
    dueat     bigint       NOT NULL,
    CONSTRAINT pk_milestonenotes PRIMARY KEY (serviceid, bodyid, year, kind)
);
CREATE INDEX IF NOT EXISTS ix_milestonenotes_due ON milestonenotes (serviceid, dueat);
