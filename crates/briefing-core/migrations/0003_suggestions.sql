-- Version 3: suggestions are stored on import, matched to known people with the evidence,
-- and reviewed with an undoable log.

-- Why a suggested mention was offered as a known person ("Dyussembayev" ~ "Gumar
-- Dyusembayev", same title); NULL when it is offered as someone new.
ALTER TABLE mentions ADD COLUMN evidence TEXT;
-- The last word of the name's matching key (names::name_key), so that a person confirmed
-- later can be offered for the suggestions still waiting under another spelling.
ALTER TABLE mentions ADD COLUMN surname_key TEXT;
CREATE INDEX mentions_pending_surname ON mentions (surname_key) WHERE status = 'suggested';
-- The spans are byte offsets in articles.text: [[start, end], ...], the fullest first.

ALTER TABLE quotes ADD COLUMN speaker_as_written TEXT;

ALTER TABLE topics ADD COLUMN proposed_by_name TEXT;

ALTER TABLE commitments ADD COLUMN review TEXT NOT NULL DEFAULT 'suggested'
    CHECK (review IN ('suggested', 'confirmed', 'rejected'));
CREATE INDEX commitments_article ON commitments (article_id);
CREATE INDEX topics_article ON topics (article_id);

CREATE TABLE figures (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    status     TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected'))
);
CREATE INDEX figures_article ON figures (article_id);

-- What extraction suggested for an article beyond the rows above (organisations, places, dates
-- and the visit's facts), as JSON, with the version of the rules that produced it.
CREATE TABLE extractions (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    suggestions  TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);

-- A position as written (the organisation by name; organisations.id when one is known) and
-- the articles that show it.
ALTER TABLE positions ADD COLUMN organisation TEXT;
CREATE TABLE position_articles (
    id          INTEGER PRIMARY KEY,
    position_id INTEGER NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    UNIQUE (position_id, article_id)
);
CREATE INDEX position_articles_article ON position_articles (article_id);

CREATE INDEX person_names_person ON person_names (person_id);
CREATE INDEX quotes_mention ON quotes (mention_id);
CREATE INDEX review_log_open ON review_log (id) WHERE undone_at IS NULL;
