-- Layout 2 of the SQLite file, in PostgreSQL: every table keyed by the
-- organization (its Microsoft Entra tenant id), plus the sign-in sessions.

CREATE TABLE organizations (
    id         TEXT   PRIMARY KEY,
    name       TEXT   NOT NULL,
    -- The revision of `body`; a write moves it by one under the row's lock.
    revision   BIGINT NOT NULL,
    -- The state's snapshot (domain::snapshot), JSON as text.
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE events (
    seq             BIGSERIAL PRIMARY KEY,
    organization    TEXT   NOT NULL REFERENCES organizations (id),
    revision        BIGINT NOT NULL,
    at              TEXT   NOT NULL,
    idempotency_key TEXT   NOT NULL,
    body            TEXT   NOT NULL
);
CREATE INDEX events_organization ON events (organization, seq);

-- The answer given to each Idempotency-Key, stored in the write's own
-- transaction: a retry through any process gets the same answer.
CREATE TABLE idempotency (
    organization TEXT    NOT NULL REFERENCES organizations (id),
    key          TEXT    NOT NULL,
    request      TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    revision     BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (organization, key)
);
CREATE INDEX idempotency_created ON idempotency (organization, created_at);

-- Sign-in sessions, shared by every process; ids are kept only hashed.
CREATE TABLE sessions (
    id_hash    TEXT   PRIMARY KEY,
    data       TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
