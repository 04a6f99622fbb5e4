-- articledb schema, version 1.
--
-- One article file is one row of `articles`; its identity is its path relative to the
-- import root it was found under (`roots`). Times are UTC ISO-8601 text
-- ('2022-09-13T20:38:00Z') so that SQLite's date functions work on them. Every front-matter
-- key without a column of its own is kept, with its value, in the JSON column `extra` (of the
-- article, or of the image or related entry it belongs to). When a value had to be repaired
-- (HTML entities, broken encoding, Unicode normalisation, a time zone), the value as written
-- is kept in the article's `repaired` JSON object under the key's path.

-- Folders that articles were imported from (absolute paths).
CREATE TABLE roots (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);

-- Providers are unique by normalised domain (lower case, ASCII, without "www.");
-- a provider without a domain is unique by its case-folded name.
CREATE TABLE providers (
  id       INTEGER PRIMARY KEY,
  domain   TEXT UNIQUE,
  name     TEXT NOT NULL,      -- the name it was first seen with; articles keep their own
  name_key TEXT NOT NULL       -- NFKC case-folded name
);
CREATE UNIQUE INDEX providers_by_name_key ON providers(name_key) WHERE domain IS NULL;

-- Topics are unique by a case-folded key; `slug` is a stable ASCII form of the name.
CREATE TABLE topics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,          -- the spelling it was first seen with
  key  TEXT NOT NULL UNIQUE,   -- NFKC case-folded name, whitespace collapsed
  slug TEXT NOT NULL
);
CREATE INDEX topics_by_slug ON topics(slug);

CREATE TABLE articles (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  root_id         INTEGER NOT NULL REFERENCES roots(id),
  path            TEXT NOT NULL,                -- relative to the root, '/'-separated
  collection      TEXT,                         -- '_news/x.md' -> 'news'
  file_size       INTEGER NOT NULL,
  file_mtime_ns   INTEGER NOT NULL,
  content_hash    TEXT NOT NULL,                -- XXH3-128 of the file's bytes, hex
  stat_verified   INTEGER NOT NULL DEFAULT 1,   -- 0: read too close to its mtime; re-hashed next time
  imported_at     TEXT NOT NULL,
  category        TEXT,
  title           TEXT NOT NULL,                -- `title`, or `name` for profiles and communities
  excerpt         TEXT,
  published_at    TEXT,                         -- `publishedDateTime` in UTC
  original_url    TEXT,
  web_url         TEXT,
  amp_web_url     TEXT,
  cdn_amp_web_url TEXT,
  canonical_url   TEXT,                         -- of web_url, else original_url
  type            TEXT,
  quality         INTEGER,
  heat            INTEGER,
  published       INTEGER CHECK (published IN (0, 1)),
  removed         INTEGER CHECK (removed IN (0, 1)),
  provider_id     INTEGER REFERENCES providers(id),
  provider_name   TEXT,                         -- as written in this article
  secured         TEXT,
  body            TEXT,                         -- as written, after the front matter
  body_format     TEXT CHECK (body_format IN ('html', 'markdown', 'text')),
  body_text       TEXT,                         -- plain text of the body, for the index
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  repaired        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(repaired)),
  UNIQUE (root_id, path)
);
CREATE INDEX articles_by_published_at ON articles(published_at);
-- The sort keys of listings (newest/oldest, quality, heat): keyset pages walk these indexes.
CREATE INDEX articles_by_time_key ON articles(coalesce(published_at, ''));
CREATE INDEX articles_by_quality_key ON articles(coalesce(quality, -9223372036854775807));
CREATE INDEX articles_by_heat_key ON articles(coalesce(heat, -9223372036854775807));
CREATE INDEX articles_by_provider ON articles(provider_id);
CREATE INDEX articles_by_canonical_url ON articles(canonical_url);
CREATE INDEX articles_by_content_hash ON articles(content_hash);

-- Children reference their article with deferred foreign keys: the importer writes an
-- article's topics before the article row, so that the full-text row is written once.
CREATE TABLE article_topics (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL,                 -- 0-based, as listed in the file
  topic_id   INTEGER NOT NULL REFERENCES topics(id),
  label      TEXT,                             -- the article's spelling when it differs from topics.name
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_topics_by_topic ON article_topics(topic_id, article_id);

-- Article images (role 'article') and the provider logos an article lists (role 'provider').
CREATE TABLE images (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  role       TEXT NOT NULL CHECK (role IN ('article', 'provider')),
  position   INTEGER NOT NULL,
  url        TEXT,
  width      INTEGER,
  height     INTEGER,
  title      TEXT,
  is_cached  INTEGER CHECK (is_cached IN (0, 1)),
  extra      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  UNIQUE (article_id, role, position)
);

-- Related entries as listed in an article. `related_links` resolves each to the article
-- with the same canonical URL when the database has it, whichever was imported first.
CREATE TABLE related (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position        INTEGER NOT NULL,
  title           TEXT,
  excerpt         TEXT,
  published_at    TEXT,
  web_url         TEXT,
  amp_web_url     TEXT,
  cdn_amp_web_url TEXT,
  canonical_url   TEXT,
  type            TEXT,
  quality         INTEGER,
  provider_id     INTEGER REFERENCES providers(id),
  provider_name   TEXT,
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  UNIQUE (article_id, position)
);
CREATE INDEX related_by_canonical_url ON related(canonical_url);
CREATE INDEX related_by_provider ON related(provider_id);

-- Full-text index. Its rows are kept right by the triggers below, for the importer and for
-- changes made by hand in the sqlite3 shell alike. Column order sets the bm25() weights:
-- bm25(articles_fts, 10.0, 4.0, 1.0, 2.0, 2.0), also the table's `rank`, weighs title over
-- excerpt over body.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics, provider,
  tokenize = 'unicode61 remove_diacritics 2'
);
-- `ORDER BY rank` uses these weights too.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0)');

-- The topics of each article as one text, in the file's order: what the index holds.
CREATE VIEW article_topic_names AS
SELECT l.article_id, group_concat(coalesce(l.label, t.name), '; ') AS topics
  FROM article_topics AS l
  JOIN topics AS t ON t.id = l.topic_id
 GROUP BY l.article_id;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text,
          (SELECT topics FROM article_topic_names WHERE article_id = new.id),
          new.provider_name);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
END;

CREATE TRIGGER articles_fts_update
AFTER UPDATE OF id, title, excerpt, body_text, provider_name ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text,
          (SELECT topics FROM article_topic_names WHERE article_id = new.id),
          new.provider_name);
END;

-- Topic links changed by hand re-index the article's topics (an article still being written
-- by the importer has no row yet and is indexed once, by articles_fts_insert).
CREATE TRIGGER article_topics_fts_insert AFTER INSERT ON article_topics
WHEN EXISTS (SELECT 1 FROM articles WHERE id = new.article_id) BEGIN
  UPDATE articles_fts
     SET topics = (SELECT topics FROM article_topic_names WHERE article_id = new.article_id)
   WHERE rowid = new.article_id;
END;

CREATE TRIGGER article_topics_fts_delete AFTER DELETE ON article_topics
WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN
  UPDATE articles_fts
     SET topics = (SELECT topics FROM article_topic_names WHERE article_id = old.article_id)
   WHERE rowid = old.article_id;
END;

CREATE TRIGGER article_topics_fts_update AFTER UPDATE ON article_topics BEGIN
  UPDATE articles_fts
     SET topics = (SELECT topics FROM article_topic_names WHERE article_id = articles_fts.rowid)
   WHERE rowid IN (old.article_id, new.article_id);
END;

CREATE TRIGGER topics_fts_update AFTER UPDATE OF name ON topics BEGIN
  UPDATE articles_fts
     SET topics = (SELECT topics FROM article_topic_names WHERE article_id = articles_fts.rowid)
   WHERE rowid IN (SELECT article_id FROM article_topics WHERE topic_id = new.id);
END;

-- Files under an import root that did not become an article (no front matter, no title,
-- malformed). Remembered so that an unchanged one is reported again without being read.
CREATE TABLE rejected_files (
  root_id       INTEGER NOT NULL REFERENCES roots(id),
  path          TEXT NOT NULL,
  file_size     INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('skipped', 'error')),
  line          INTEGER,
  col           INTEGER,
  message       TEXT NOT NULL,
  PRIMARY KEY (root_id, path)
) WITHOUT ROWID;

-- Import log: one row per run of `articledb import` (not for --dry-run) ...
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  roots       TEXT NOT NULL CHECK (json_valid(roots)),    -- JSON array of paths
  options     TEXT NOT NULL CHECK (json_valid(options)),  -- JSON object
  files       INTEGER NOT NULL DEFAULT 0,
  added       INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  moved       INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  removed     INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  warnings    INTEGER NOT NULL DEFAULT 0,
  message     TEXT                                         -- why a run failed
);

-- ... and the problems it met: failed and skipped files, and warnings on fields.
CREATE TABLE import_problems (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,                                  -- absolute path of the file
  line     INTEGER,
  col      INTEGER,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'skipped', 'warning')),
  message  TEXT NOT NULL
);
CREATE INDEX import_problems_by_run ON import_problems(run_id);

-- Views for the sqlite3 shell.

CREATE VIEW article_overview AS
SELECT a.id,
       a.collection,
       a.path,
       a.title,
       a.published_at,
       a.type,
       coalesce(a.provider_name, p.name) AS provider,
       p.domain AS provider_domain,
       (SELECT topics FROM article_topic_names WHERE article_id = a.id) AS topics,
       a.quality,
       a.heat,
       coalesce(a.web_url, a.original_url) AS url
  FROM articles AS a
  LEFT JOIN providers AS p ON p.id = a.provider_id;

CREATE VIEW topic_counts AS
SELECT t.id, t.name, t.slug, count(l.article_id) AS articles
  FROM topics AS t
  LEFT JOIN article_topics AS l ON l.topic_id = t.id
 GROUP BY t.id;

CREATE VIEW provider_counts AS
SELECT p.id, p.name, p.domain, count(a.id) AS articles
  FROM providers AS p
  LEFT JOIN articles AS a ON a.provider_id = p.id
 GROUP BY p.id;

CREATE VIEW monthly_counts AS
SELECT substr(published_at, 1, 7) AS month, count(*) AS articles
  FROM articles
 WHERE published_at IS NOT NULL
 GROUP BY month;

CREATE VIEW related_links AS
SELECT r.*,
       (SELECT min(a.id) FROM articles AS a WHERE a.canonical_url = r.canonical_url)
         AS target_article_id
  FROM related AS r;

CREATE VIEW provider_logos AS
SELECT DISTINCT a.provider_id, i.url, i.width, i.height
  FROM images AS i
  JOIN articles AS a ON a.id = i.article_id
 WHERE i.role = 'provider' AND a.provider_id IS NOT NULL;

CREATE VIEW import_failures AS
SELECT r.id AS run_id, r.started_at, p.path, p.line, p.col, p.severity, p.message
  FROM import_problems AS p
  JOIN import_runs AS r ON r.id = p.run_id
 WHERE p.severity <> 'warning';
