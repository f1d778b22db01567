-- Version 1: collected articles, their sources, near-duplicate groups, tags and the
-- full-text index. Never edit a migration that has shipped: add a new one.

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,              -- the file path or URL as given
    kind        TEXT NOT NULL CHECK (kind IN ('file', 'url', 'paste')),
    format      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       BLOB NOT NULL,              -- the original bytes, so extraction can be rerun
    imported_at TEXT NOT NULL
);

CREATE TABLE article_groups (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL
);

-- Column order matters: the text, usually past a page in size, comes last so that reading
-- any other column (lists, search results, duplicate checks) never walks its overflow pages.
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_index      INTEGER NOT NULL DEFAULT 0, -- position of the item in a feed
    title           TEXT NOT NULL,
    title_derived   INTEGER NOT NULL DEFAULT 0,
    outlet          TEXT,
    dateline        TEXT,
    published       TEXT,                       -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown
    url             TEXT,
    relayed_from    TEXT,
    relay_reference TEXT,
    language        TEXT NOT NULL,
    format          TEXT NOT NULL,
    warnings        TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    content_hash    TEXT NOT NULL UNIQUE,
    group_id        INTEGER REFERENCES article_groups (id) ON DELETE SET NULL,
    imported_at     TEXT NOT NULL,
    text            TEXT NOT NULL               -- paragraphs separated by a blank line
);
CREATE INDEX articles_source ON articles (source_id);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_group ON articles (group_id);

-- Each article's MinHash signature, apart from the article so that comparing candidates
-- reads 240 bytes, not the article.
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    minhash    BLOB NOT NULL
);

-- Locality-sensitive hashing bands of each article's MinHash signature: 20 rows an article,
-- looked up by band only. There is deliberately no foreign key and no index on article_id:
-- an index would double the cost of every import, and a cascade without one scans the
-- table. Whoever deletes an article deletes its bands, recomputing the keys from
-- article_signatures.
CREATE TABLE article_bands (
    band_key   INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

-- The index reads a folded copy of the text: Russian writes ё as е as often as not
-- ("Семёнов", "Семенов"), and unicode61 does not fold it. The replacement keeps byte
-- lengths, so snippets line up with the stored text.
CREATE VIEW articles_fts_content AS
    SELECT id,
           replace(replace(title, 'ё', 'е'), 'Ё', 'Е') AS title,
           replace(replace(text, 'ё', 'е'), 'Ё', 'Е') AS text
    FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles_fts_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    -- Prefix indexes make search-as-you-type ("Dy", "Dyu", "Dyus") cheap.
    prefix = '2 3 4'
);
-- Titles weigh five times the text in the ranking; ORDER BY rank uses this.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
-- Rows are added to the index by the store itself, at the end of each import batch, not by an
-- insert trigger: inside a transaction every INSERT into articles opens a statement
-- savepoint, and FTS5 flushes its pending index data at each savepoint, which would write one
-- index segment per article and make imports ten times slower. Deletes and updates are rare
-- and keep their triggers.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id,
        replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(old.text, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id,
        replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(old.text, 'ё', 'е'), 'Ё', 'Е'));
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id,
        replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'), replace(replace(new.text, 'ё', 'е'), 'Ё', 'Е'));
END;
