-- Orleans ADO.NET membership on PostgreSQL (Orleans 10.4 protocol: no metadata column). Each query
-- key below is one the clustering provider asks for; insert and update bump the table version only
-- together with the row change, which is what makes membership changes linearizable.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Adds a silo's row and bumps the version, both or neither; returns 1 on success, 0 otherwise.
CREATE OR REPLACE FUNCTION govopenness_insert_membership(
    deployment varchar, address_arg varchar, port_arg integer, generation_arg integer, silo_name varchar,
    host_name varchar, status_arg integer, proxy_port integer, start_time timestamptz, alive_time timestamptz,
    expected_version integer)
RETURNS integer AS $$
DECLARE affected integer;
BEGIN
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES (deployment, address_arg, port_arg, generation_arg, silo_name, host_name, status_arg, proxy_port, start_time, alive_time)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN RETURN 0; END IF;
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'membership version changed'; END IF;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'P0001' THEN
    RETURN 0;
END $$ LANGUAGE plpgsql;

-- Updates a silo's row and bumps the version, both or neither; returns 1 on success, 0 otherwise.
CREATE OR REPLACE FUNCTION govopenness_update_membership(
    deployment varchar, address_arg varchar, port_arg integer, generation_arg integer, status_arg integer,
    suspect_times varchar, alive_time timestamptz, expected_version integer)
RETURNS integer AS $$
DECLARE affected integer;
BEGIN
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN RETURN 0; END IF;
    UPDATE OrleansMembershipTable SET Status = status_arg, SuspectTimes = suspect_times, IAmAliveTime = alive_time
    WHERE DeploymentId = deployment AND Address = address_arg AND Port = port_arg AND Generation = generation_arg;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'membership row missing'; END IF;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'P0001' THEN
    RETURN 0;
END $$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),
('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT COUNT(*)::integer FROM inserted;
'),
('InsertMembershipKey', '
    SELECT govopenness_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
'),
('UpdateMembershipKey', '
    SELECT govopenness_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version);
'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status != 3;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
