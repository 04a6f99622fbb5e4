-- articledb schema, version 3: ranking statistics beside the full-text index.
--
-- Ranking a word found in a third of a million articles by bm25() scores every one of them.
-- These tables let articledb find the best matches first and stop early, with the same
-- results as bm25(): the number of articles holding each term (bm25's IDF needs it), and for
-- each frequent term its "head": the articles where it scores highest on its own, best first.
-- They are written by articledb import (and rebuilt by it when needed). Changes made by hand
-- in the shell are noted in search_pending; until the next import folds them in, searches
-- rank with bm25() over every match, as before. The full-text index itself is untouched:
-- MATCH, bm25(), snippet() and highlight() in the shell work as they did.

-- Articles holding each term of the index (as its tokenizer gives terms), and for a term with
-- a head, the impact below which its postings are not in it.
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY,
  df   INTEGER NOT NULL,
  cut  REAL
) WITHOUT ROWID;

-- Heads of frequent terms, in chunks (one per import batch that added to them). A chunk holds
-- (article, weighted frequency, length) entries, best first, as varints.
CREATE TABLE search_heads (
  term     TEXT NOT NULL,
  chunk    INTEGER NOT NULL,
  postings BLOB NOT NULL,
  PRIMARY KEY (term, chunk)
) WITHOUT ROWID;

-- Articles changed or removed by an import: their entries in chunks written before `chunk`
-- are out of date.
CREATE TABLE search_dead (
  id    INTEGER PRIMARY KEY,
  chunk INTEGER NOT NULL
);

-- Settings and state of the statistics: valid (1 when they match the index), next_chunk,
-- reference_length (average article length they were built with), head_min_df.
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value
) WITHOUT ROWID;
INSERT INTO search_state(key, value) VALUES ('valid', 0), ('next_chunk', 1);

-- Articles changed outside an import since the statistics were brought up to date, with the
-- values they counted for it (`counted` 0: the article did not exist for them).
CREATE TABLE search_pending (
  id       INTEGER PRIMARY KEY,
  counted  INTEGER NOT NULL,
  title    TEXT,
  excerpt  TEXT,
  body     TEXT,
  topics   TEXT,
  provider TEXT
);

CREATE TRIGGER search_pending_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted) VALUES (new.id, 0);
END;

CREATE TRIGGER search_pending_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted, title, excerpt, body, topics, provider)
  VALUES (old.id, 1, old.title, old.excerpt, old.body_text, old.topics_text, old.provider_name);
END;

CREATE TRIGGER search_pending_update
AFTER UPDATE OF id, title, excerpt, body_text, topics_text, provider_name ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT OR IGNORE INTO search_pending(id, counted, title, excerpt, body, topics, provider)
  VALUES (old.id, 1, old.title, old.excerpt, old.body_text, old.topics_text, old.provider_name);
  INSERT OR IGNORE INTO search_pending(id, counted) VALUES (new.id, 0);
END;

-- What facets count (provider and month) for an article, by id, in pages much smaller than the
-- articles': counting a sample of thousands of matches looks them up here.
CREATE INDEX articles_facets ON articles(id, provider_id, published_at);
