-- articledb schema, version 2: a smaller and faster full-text index.
--
-- The full-text index no longer keeps a second copy of the text: it is an external-content
-- FTS5 table that reads title, excerpt, body text, topics and provider name from the
-- articles table itself (through the view articles_fts_content), so snippet(), highlight()
-- and bm25() work as before, in the stock sqlite3 shell too. Each article keeps its topics
-- as the index sees them in `topics_text` ("AI; Machine Learning"), kept right by triggers
-- when topic links change. Indexes nothing reads are dropped; the file facts that every
-- import compares get a covering index.

-- Topics of an article as indexed: names (or the article's own spelling) in file order,
-- '; '-separated. NULL for an article without topics.
ALTER TABLE articles ADD COLUMN topics_text TEXT;
UPDATE articles SET topics_text = (SELECT topics FROM article_topic_names WHERE article_id = articles.id);

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER article_topics_fts_insert;
DROP TRIGGER article_topics_fts_delete;
DROP TRIGGER article_topics_fts_update;
DROP TRIGGER topics_fts_update;
DROP TABLE articles_fts;

-- Redefined so that it lists an article's topics in their file order.
DROP VIEW article_topic_names;
CREATE VIEW article_topic_names AS
SELECT article_id, group_concat(name, '; ') AS topics
  FROM (SELECT l.article_id, coalesce(l.label, t.name) AS name
          FROM article_topics AS l
          JOIN topics AS t ON t.id = l.topic_id
         ORDER BY l.article_id, l.position)
 GROUP BY article_id;

-- What the full-text index holds, column by column, for each article.
CREATE VIEW articles_fts_content AS
SELECT id, title, excerpt, body_text AS body, topics_text AS topics, provider_name AS provider
  FROM articles;

-- Full-text index over the articles (see articles_fts_content). Column order sets the bm25()
-- weights: bm25(articles_fts, 10.0, 4.0, 1.0, 2.0, 2.0), also the table's `rank`, weighs
-- title over excerpt over body.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, excerpt, body, topics, provider,
  content = 'articles_fts_content', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
-- An import indexes thousands of articles per statement: with 16 MiB of pending index data
-- (not FTS5's default 1 MiB) it writes fewer, larger segments, and merges them less often.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

-- While an articledb import writes, its transaction holds a row here (never committed: it
-- is deleted before each commit). The importer then indexes each batch of articles in one
-- statement, which is much faster than a trigger per row; the triggers below stand aside.
CREATE TABLE import_session (
  id INTEGER PRIMARY KEY
);

-- The index follows every change to an article made by hand in the shell (or by any program
-- other than the importer).
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

-- Topic links and topic names changed by hand keep topics_text (and so the index) right.
-- The importer writes topics_text itself.
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

-- article_overview read topics through the old view; it now reads the column.
DROP VIEW article_overview;
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

-- Dates are found through articles_by_time_key; nothing looks an article up by its hash.
DROP INDEX articles_by_published_at;
DROP INDEX articles_by_content_hash;

-- The facts an import compares with each file's stat, read without touching the articles'
-- rows: a re-import of unchanged files scans only this index.
CREATE INDEX articles_by_file ON articles(root_id, path, file_size, file_mtime_ns, stat_verified);
