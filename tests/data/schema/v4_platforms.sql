-- A database written by articledb at schema version 4: six articles, five of them by two
-- YouTube channels (one related entry too), one by microsoft.com. The migration test opens
-- it with the current version.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE roots (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);
INSERT INTO roots VALUES(1,'/site');
CREATE TABLE providers (
  id       INTEGER PRIMARY KEY,
  domain   TEXT UNIQUE,
  name     TEXT NOT NULL,      -- the name it was first seen with; articles keep their own
  name_key TEXT NOT NULL       -- NFKC case-folded name
);
INSERT INTO providers VALUES(1,'youtube.com','Dhruvin Shah','dhruvin shah');
INSERT INTO providers VALUES(2,'microsoft.com','Microsoft','microsoft');
CREATE TABLE topics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,          -- the spelling it was first seen with
  key  TEXT NOT NULL UNIQUE,   -- NFKC case-folded name, whitespace collapsed
  slug TEXT NOT NULL
);
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
  repaired        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(repaired)), topics_text TEXT, revision INTEGER,
  UNIQUE (root_id, path)
);
INSERT INTO articles VALUES(1,1,'_learning/dhruvin-1.md','learning',132,1795837918448240040,'ffcb1aa2788e40186342f5c94ec1573c',1,'2026-11-28T03:51:58Z',NULL,'Canvas apps part 1',NULL,NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,NULL,NULL,NULL,1,'Dhruvin Shah',NULL,NULL,NULL,NULL,'{}','{}',NULL,1);
INSERT INTO articles VALUES(2,1,'_learning/dhruvin-2.md','learning',132,1795837918452240040,'d80744a050f14a25044f820f72cdc4ed',1,'2026-11-28T03:51:58Z',NULL,'Canvas apps part 2',NULL,NULL,NULL,'https://www.youtube.com/watch?v=a2',NULL,NULL,'https://www.youtube.com/watch?v=a2',NULL,NULL,NULL,NULL,NULL,1,'Dhruvin Shah',NULL,NULL,NULL,NULL,'{}','{}',NULL,2);
INSERT INTO articles VALUES(3,1,'_learning/dhruvin-3.md','learning',132,1795837918452240040,'1010b13688c7f576e9f47ac913dd65a4',1,'2026-11-28T03:51:58Z',NULL,'Canvas apps part 3',NULL,NULL,NULL,'https://www.youtube.com/watch?v=a3',NULL,NULL,'https://www.youtube.com/watch?v=a3',NULL,NULL,NULL,NULL,NULL,1,'Dhruvin Shah',NULL,NULL,NULL,NULL,'{}','{}',NULL,3);
INSERT INTO articles VALUES(4,1,'_learning/ms.md','learning',83,1795837918452240040,'fe636d21d212599b072a8d8b23b3dfba',1,'2026-11-28T03:51:58Z',NULL,'Release notes',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,2,'Microsoft',NULL,NULL,NULL,NULL,'{}','{}',NULL,4);
INSERT INTO articles VALUES(5,1,'_learning/reza-1.md','learning',273,1795837918452240040,'bf1aabf5c4c600eacdf398e9f3bba577',1,'2026-11-28T03:51:58Z',NULL,'Power Fx tips 1',NULL,NULL,NULL,'https://www.youtube.com/watch?v=b1',NULL,NULL,'https://www.youtube.com/watch?v=b1',NULL,NULL,NULL,NULL,NULL,1,'Reza Dorrani',NULL,NULL,NULL,NULL,'{}','{}',NULL,5);
INSERT INTO articles VALUES(6,1,'_learning/reza-2.md','learning',273,1795837918452240040,'b5778055069e9506220d1262d504ac39',1,'2026-11-28T03:51:58Z',NULL,'Power Fx tips 2',NULL,NULL,NULL,'https://www.youtube.com/watch?v=b2',NULL,NULL,'https://www.youtube.com/watch?v=b2',NULL,NULL,NULL,NULL,NULL,1,'Reza Dorrani',NULL,NULL,NULL,NULL,'{}','{}',NULL,6);
CREATE TABLE article_topics (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  position   INTEGER NOT NULL,                 -- 0-based, as listed in the file
  topic_id   INTEGER NOT NULL REFERENCES topics(id),
  label      TEXT,                             -- the article's spelling when it differs from topics.name
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
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
  extra           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)), provider_images TEXT
  CHECK (provider_images IS NULL OR json_valid(provider_images)),
  UNIQUE (article_id, position)
);
INSERT INTO related VALUES(1,5,0,'Canvas apps part 1',NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,1,'Dhruvin Shah','{}',NULL);
INSERT INTO related VALUES(2,6,0,'Canvas apps part 1',NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,'https://www.youtube.com/watch?v=a1',NULL,NULL,1,'Dhruvin Shah','{}',NULL);
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
INSERT INTO import_runs VALUES(1,'2026-11-28T03:51:58Z','2026-11-28T03:51:58Z','done','["/site"]','{"force":false,"jobs":0,"max_file_size":16777216,"prune":false}',6,6,0,0,0,0,0,0,0,NULL);
CREATE TABLE import_problems (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,                                  -- absolute path of the file
  line     INTEGER,
  col      INTEGER,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'skipped', 'warning')),
  message  TEXT NOT NULL
);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','articles_fts','articles_fts',0,'CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics, provider,
  content = ''articles_fts_content'', content_rowid = ''id'',
  tokenize = ''unicode61 remove_diacritics 2''
)');
CREATE TABLE IF NOT EXISTS 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO articles_fts_data VALUES(1,X'06160000000b');
INSERT INTO articles_fts_data VALUES(10,X'000000020101010001010101');
INSERT INTO articles_fts_data VALUES(137438953473,X'000000e0023031010205040205010132020205040205010133030205010461707073010203010203010203010663616e76617301020201020201020201076468727576696e01060104020106010402010601040202066f7272616e69050601040301060104030102667805020301020301096d6963726f736f6674040601040201056e6f74657304020301047061727401020401020401020402046f776572050202010202010772656c6561736504020203027a6105060104020106010402010473686168010601040301060104030106010403010474697073050204010204040909060f1118120a100a0f0c0c0e15');
CREATE TABLE IF NOT EXISTS 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO articles_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO articles_fts_docsize VALUES(1,X'0400000002');
INSERT INTO articles_fts_docsize VALUES(2,X'0400000002');
INSERT INTO articles_fts_docsize VALUES(3,X'0400000002');
INSERT INTO articles_fts_docsize VALUES(4,X'0200000001');
INSERT INTO articles_fts_docsize VALUES(5,X'0400000002');
INSERT INTO articles_fts_docsize VALUES(6,X'0400000002');
CREATE TABLE IF NOT EXISTS 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO articles_fts_config VALUES('hashsize',16777216);
INSERT INTO articles_fts_config VALUES('rank','bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
INSERT INTO articles_fts_config VALUES('version',4);
CREATE TABLE import_session (
  id INTEGER PRIMARY KEY
);
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY,
  df   INTEGER NOT NULL,
  cut  REAL
) WITHOUT ROWID;
INSERT INTO search_terms VALUES('1',2,NULL);
INSERT INTO search_terms VALUES('2',2,NULL);
INSERT INTO search_terms VALUES('3',1,NULL);
INSERT INTO search_terms VALUES('apps',3,NULL);
INSERT INTO search_terms VALUES('canvas',3,NULL);
INSERT INTO search_terms VALUES('dhruvin',3,NULL);
INSERT INTO search_terms VALUES('dorrani',2,NULL);
INSERT INTO search_terms VALUES('fx',2,NULL);
INSERT INTO search_terms VALUES('microsoft',1,NULL);
INSERT INTO search_terms VALUES('notes',1,NULL);
INSERT INTO search_terms VALUES('part',3,NULL);
INSERT INTO search_terms VALUES('power',2,NULL);
INSERT INTO search_terms VALUES('release',1,NULL);
INSERT INTO search_terms VALUES('reza',2,NULL);
INSERT INTO search_terms VALUES('shah',3,NULL);
INSERT INTO search_terms VALUES('tips',2,NULL);
CREATE TABLE search_heads (
  term     TEXT NOT NULL,
  chunk    INTEGER NOT NULL,
  postings BLOB NOT NULL,
  PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
CREATE TABLE search_dead (
  id    INTEGER PRIMARY KEY,
  chunk INTEGER NOT NULL
);
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value
) WITHOUT ROWID;
INSERT INTO search_state VALUES('next_chunk',2);
INSERT INTO search_state VALUES('reference_length',5.5);
INSERT INTO search_state VALUES('valid',1);
CREATE TABLE search_pending (
  id       INTEGER PRIMARY KEY,
  counted  INTEGER NOT NULL,
  title    TEXT,
  excerpt  TEXT,
  body     TEXT,
  topics   TEXT,
  provider TEXT
);
CREATE TABLE feed_state (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL
);
INSERT INTO feed_state VALUES(1,6);
CREATE TABLE tombstones (
  revision   INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  root_id    INTEGER,
  path       TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('articles',6);
CREATE UNIQUE INDEX providers_by_name_key ON providers(name_key) WHERE domain IS NULL;
CREATE INDEX topics_by_slug ON topics(slug);
CREATE INDEX articles_by_time_key ON articles(coalesce(published_at, ''));
CREATE INDEX articles_by_quality_key ON articles(coalesce(quality, -9223372036854775807));
CREATE INDEX articles_by_heat_key ON articles(coalesce(heat, -9223372036854775807));
CREATE INDEX articles_by_provider ON articles(provider_id);
CREATE INDEX articles_by_canonical_url ON articles(canonical_url);
CREATE INDEX article_topics_by_topic ON article_topics(topic_id, article_id);
CREATE INDEX related_by_canonical_url ON related(canonical_url);
CREATE INDEX related_by_provider ON related(provider_id);
CREATE INDEX import_problems_by_run ON import_problems(run_id);
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
CREATE VIEW article_topic_names AS
SELECT article_id, group_concat(name, '; ') AS topics
  FROM (SELECT l.article_id, coalesce(l.label, t.name) AS name
          FROM article_topics AS l
          JOIN topics AS t ON t.id = l.topic_id
         ORDER BY l.article_id, l.position)
 GROUP BY article_id;
CREATE VIEW articles_fts_content AS
SELECT id, title, excerpt, body_text AS body, topics_text AS topics, provider_name AS provider
  FROM articles;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text, new.topics_text, new.provider_name);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider)
  VALUES ('delete', old.id, old.title, old.excerpt, old.body_text, old.topics_text,
          old.provider_name);
END;
CREATE TRIGGER articles_fts_update
AFTER UPDATE OF id, title, excerpt, body_text, topics_text, provider_name ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, excerpt, body, topics, provider)
  VALUES ('delete', old.id, old.title, old.excerpt, old.body_text, old.topics_text,
          old.provider_name);
  INSERT INTO articles_fts(rowid, title, excerpt, body, topics, provider)
  VALUES (new.id, new.title, new.excerpt, new.body_text, new.topics_text, new.provider_name);
END;
CREATE TRIGGER article_topics_text_insert AFTER INSERT ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = new.article_id)
   WHERE id = new.article_id;
END;
CREATE TRIGGER article_topics_text_delete AFTER DELETE ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = old.article_id)
   WHERE id = old.article_id;
END;
CREATE TRIGGER article_topics_text_update AFTER UPDATE ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = articles.id)
   WHERE id IN (old.article_id, new.article_id);
END;
CREATE TRIGGER topics_text_update AFTER UPDATE OF name ON topics
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE articles
     SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = articles.id)
   WHERE id IN (SELECT article_id FROM article_topics WHERE topic_id = new.id);
END;
CREATE VIEW article_overview AS
SELECT a.id,
       a.collection,
       a.path,
       a.title,
       a.published_at,
       a.type,
       coalesce(a.provider_name, p.name) AS provider,
       p.domain AS provider_domain,
       a.topics_text AS topics,
       a.quality,
       a.heat,
       coalesce(a.web_url, a.original_url) AS url
  FROM articles AS a
  LEFT JOIN providers AS p ON p.id = a.provider_id;
CREATE INDEX articles_by_file ON articles(root_id, path, file_size, file_mtime_ns, stat_verified);
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
CREATE INDEX articles_facets ON articles(id, provider_id, published_at);
CREATE INDEX articles_by_revision ON articles(revision);
CREATE TRIGGER feed_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  UPDATE articles SET revision = (SELECT revision FROM feed_state) WHERE id = new.id;
END;
CREATE TRIGGER feed_update
AFTER UPDATE OF id, root_id, path, collection, category, title, excerpt, published_at,
  original_url, web_url, amp_web_url, cdn_amp_web_url, canonical_url, type, quality, heat,
  published, removed, provider_id, provider_name, secured, body, body_format, body_text, extra,
  repaired, topics_text ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  UPDATE articles SET revision = (SELECT revision FROM feed_state) WHERE id = new.id;
END;
CREATE TRIGGER feed_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM import_session) BEGIN
  UPDATE feed_state SET revision = revision + 1;
  INSERT INTO tombstones(revision, article_id, root_id, path, deleted_at)
  VALUES ((SELECT revision FROM feed_state), old.id, old.root_id, old.path,
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE VIEW changes AS
SELECT revision, 'changed' AS change, id AS article_id, root_id, path FROM articles
 WHERE revision IS NOT NULL
UNION ALL
SELECT revision, 'deleted' AS change, article_id, root_id, path FROM tombstones;
CREATE VIEW duplicates AS
SELECT canonical_url, copies, id, path, title, published_at
  FROM (SELECT canonical_url, id, path, title, published_at,
               count(*) OVER (PARTITION BY canonical_url) AS copies
          FROM articles WHERE canonical_url IS NOT NULL)
 WHERE copies > 1;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 4;
PRAGMA application_id = 1094992433;
