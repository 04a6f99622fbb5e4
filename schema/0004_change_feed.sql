-- articledb schema, version 4: a change feed, duplicate stories, logos of related providers.
--
-- Change feed. Every write to an article's content (added, replaced, moved, edited in the
-- shell) gives it the next revision, a number that only grows; a deleted article leaves a
-- tombstone with its own revision. A program that remembers the last revision it saw asks
-- for what changed since (view `changes`, `articledb changes --since REV`). Changes to the
-- file facts alone (a touched file with the same content) are not changes.

ALTER TABLE articles ADD COLUMN revision INTEGER;
-- Articles of older databases get revisions in the order of their ids.
UPDATE articles SET revision = id;
CREATE INDEX articles_by_revision ON articles(revision);

-- The last revision given.
CREATE TABLE feed_state (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL
);
INSERT INTO feed_state(id, revision) SELECT 1, coalesce(max(id), 0) FROM articles;

CREATE TABLE tombstones (
  revision   INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  root_id    INTEGER,
  path       TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);

-- The importer gives revisions itself (a batch at a time); these triggers give them to
-- changes made by hand in the shell or by any other program.
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

-- What changed, in revision order: SELECT * FROM changes WHERE revision > 41 ORDER BY revision.
CREATE VIEW changes AS
SELECT revision, 'changed' AS change, id AS article_id, root_id, path FROM articles
 WHERE revision IS NOT NULL
UNION ALL
SELECT revision, 'deleted' AS change, article_id, root_id, path FROM tombstones;

-- Duplicate stories: articles that share a canonical URL (the same story saved twice, on
-- different days or under different names), each with how many copies there are.
CREATE VIEW duplicates AS
SELECT canonical_url, copies, id, path, title, published_at
  FROM (SELECT canonical_url, id, path, title, published_at,
               count(*) OVER (PARTITION BY canonical_url) AS copies
          FROM articles WHERE canonical_url IS NOT NULL)
 WHERE copies > 1;

-- Logos of a related entry's provider, as the entry lists them: a JSON array of images
-- ({"url", "width", "height", "title", "isCached", ...}), or NULL.
ALTER TABLE related ADD COLUMN provider_images TEXT
  CHECK (provider_images IS NULL OR json_valid(provider_images));
