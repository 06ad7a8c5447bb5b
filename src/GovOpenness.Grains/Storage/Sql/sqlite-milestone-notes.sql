-- Milestone notes (received / localized / published) on their way from body grains to progress
-- grains (Milestones/DurableMilestoneRelay): stored before the body grain goes on, so a silo's death
-- loses none; removed once the progress grain journaled the note; re-sent by a silo when still here
-- at DueAt (unix ms; claiming a note moves DueAt on, a lease). Idempotent: applied at every start-up.
CREATE TABLE IF NOT EXISTS MilestoneNotes
(
    ServiceId TEXT    NOT NULL,
    BodyId    TEXT    NOT NULL,
    Year      INTEGER NOT NULL,
    Kind      INTEGER NOT NULL,
    Day       TEXT    NOT NULL,
    DueAt     INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, BodyId, Year, Kind)
);
CREATE INDEX IF NOT EXISTS IX_MilestoneNotes_Due ON MilestoneNotes (ServiceId, DueAt);
