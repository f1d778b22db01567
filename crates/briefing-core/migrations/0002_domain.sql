-- Version 2: the rest of the domain — people and their names, organisations, positions,
-- mentions, quotes, places, visits, topics, commitments, briefs and exports. Extraction,
-- review and composition fill these tables.

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    house_name      TEXT NOT NULL,          -- the spelling the officer chose
    name_key        TEXT NOT NULL,          -- normalised matching key
    form_of_address TEXT,
    pronunciation   TEXT,
    interpreter     TEXT,
    notes           TEXT,
    photo           BLOB,
    photo_mime      TEXT,
    merged_into     INTEGER REFERENCES people (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX people_name_key ON people (name_key);

CREATE TABLE person_names (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    script    TEXT NOT NULL DEFAULT 'Latn',   -- ISO 15924: Latn, Cyrl, ...
    UNIQUE (person_id, name)
);
CREATE INDEX person_names_key ON person_names (name_key);

CREATE TABLE organisations (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,
    country  TEXT,
    region   TEXT,
    kind     TEXT
);
CREATE INDEX organisations_key ON organisations (name_key);

CREATE TABLE places (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL DEFAULT 'city' CHECK (kind IN ('country', 'region', 'city', 'site', 'other')),
    country TEXT,
    UNIQUE (name, kind, country)
);

CREATE TABLE positions (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    title               TEXT NOT NULL,
    organisation_id     INTEGER REFERENCES organisations (id),
    country             TEXT,
    first_seen          TEXT,
    last_seen           TEXT,
    evidence_article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL
);
CREATE INDEX positions_person ON positions (person_id);

-- A suggestion or confirmed reference to a person in an article.
CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id        INTEGER REFERENCES people (id) ON DELETE SET NULL,
    name_as_written  TEXT NOT NULL,
    title_as_written TEXT,
    organisation     TEXT,
    country          TEXT,
    spans            TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end], ...] byte offsets in the text
    confidence       REAL NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'suggested'
                     CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    reviewed_by      TEXT,
    reviewed_at      TEXT
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_person ON mentions (person_id);

CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    mention_id INTEGER REFERENCES mentions (id) ON DELETE SET NULL,
    person_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    text       TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    status     TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected'))
);
CREATE INDEX quotes_person ON quotes (person_id);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE visits (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL DEFAULT 'official' CHECK (kind IN ('official', 'working', 'reciprocal', 'other')),
    visiting_org     TEXT,
    visiting_region  TEXT,
    visiting_country TEXT,
    host_org         TEXT,
    host_region      TEXT,
    host_country     TEXT,
    place            TEXT,
    start_date       TEXT,   -- same notation as articles.published
    end_date         TEXT,
    purpose          TEXT,
    status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'under_way', 'past')),
    notes            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE visit_participants (
    id        INTEGER PRIMARY KEY,
    visit_id  INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    side      TEXT NOT NULL CHECK (side IN ('visiting', 'host', 'other')),
    role      TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'member', 'host', 'other')),
    UNIQUE (visit_id, person_id)
);

CREATE TABLE visit_articles (
    visit_id   INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (visit_id, article_id)
) WITHOUT ROWID;

CREATE TABLE topics (
    id                 INTEGER PRIMARY KEY,
    visit_id           INTEGER REFERENCES visits (id) ON DELETE CASCADE,
    article_id         INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    name               TEXT NOT NULL,
    proposed_by_person INTEGER REFERENCES people (id) ON DELETE SET NULL,
    proposed_by_side   TEXT,
    span_start         INTEGER,
    span_end           INTEGER,
    status             TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected'))
);
CREATE INDEX topics_visit ON topics (visit_id);

CREATE TABLE commitments (
    id           INTEGER PRIMARY KEY,
    visit_id     INTEGER REFERENCES visits (id) ON DELETE CASCADE,
    article_id   INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    description  TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'other'
                 CHECK (kind IN ('invitation', 'agreement', 'plan', 'negotiation', 'signing', 'request', 'other')),
    owner        TEXT,
    due          TEXT,
    status       TEXT NOT NULL DEFAULT 'open',
    span_start   INTEGER,
    span_end     INTEGER
);
CREATE INDEX commitments_visit ON commitments (visit_id);

CREATE TABLE briefs (
    id             INTEGER PRIMARY KEY,
    visit_id       INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    title          TEXT NOT NULL,
    sections       TEXT NOT NULL DEFAULT '[]', -- JSON: chosen sections in order
    summary        TEXT,
    talking_points TEXT,
    defensive_lines TEXT,
    classification TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE exports (
    id          INTEGER PRIMARY KEY,
    brief_id    INTEGER REFERENCES briefs (id) ON DELETE SET NULL,
    path        TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    sha256      TEXT NOT NULL
);

-- Every review action (confirm, correct, reject, merge, split) with who and when, so that
-- it can be undone and audited.
CREATE TABLE review_log (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,  -- e.g. 'mention:12', 'person:3'
    before     TEXT,           -- JSON
    after      TEXT,           -- JSON
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    undone_at  TEXT
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
