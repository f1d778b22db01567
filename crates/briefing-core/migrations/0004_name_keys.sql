-- Version 4: which rules made the stored name keys (people.name_key, person_names.name_key,
-- mentions.surname_key). When names::KEY_VERSION moves on, the store recomputes them on
-- open, so that spellings stored before still match those imported after.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('name_key_version', 1);
