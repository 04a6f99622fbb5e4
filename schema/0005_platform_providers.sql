-- articledb schema, version 5: publishers on shared platforms are providers of their own.
--
-- A provider is identified by its domain, except on a platform that hosts many publishers
-- (youtube.com, medium.com, ...): there by the platform and the publisher's name, so that each
-- YouTube channel is its own provider with its own count. Such a provider has `platform` set
-- and `domain` NULL; articles and `articledb providers` show the platform as its domain, and
-- `--provider youtube.com` still finds everything on it. The platforms are the rows of
-- `platforms`: add one in the shell, and the next `articledb import --force` applies it.

CREATE TABLE platforms (
  domain TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO platforms(domain) VALUES
  ('youtube.com'), ('medium.com'), ('github.com'), ('gitlab.com'), ('linkedin.com'),
  ('twitter.com'), ('x.com'), ('substack.com'), ('facebook.com'), ('instagram.com'),
  ('tiktok.com'), ('vimeo.com'), ('reddit.com'), ('wordpress.com'), ('blogspot.com'),
  ('tumblr.com'), ('dev.to'), ('hashnode.com'), ('soundcloud.com'), ('open.spotify.com'),
  ('podcasts.apple.com'), ('twitch.tv'), ('dailymotion.com'), ('slideshare.net'),
  ('threads.net'), ('mastodon.social'), ('bsky.app');

ALTER TABLE providers ADD COLUMN platform TEXT;
DROP INDEX providers_by_name_key;
CREATE UNIQUE INDEX providers_by_name_key ON providers(name_key)
  WHERE domain IS NULL AND platform IS NULL;
CREATE UNIQUE INDEX providers_by_platform ON providers(platform, name_key)
  WHERE platform IS NOT NULL;

-- Existing databases: a provider of each name found on a platform (articledb_fold_key() is
-- the importer's case folding, available while articledb migrates), then the articles and
-- related entries moved to it, then the platform-wide providers nothing uses any more removed.
INSERT OR IGNORE INTO providers(domain, platform, name, name_key)
SELECT NULL, p.domain, min(x.provider_name), articledb_fold_key(x.provider_name)
  FROM (SELECT provider_id, provider_name FROM articles
        UNION ALL SELECT provider_id, provider_name FROM related) AS x
  JOIN providers AS p ON p.id = x.provider_id
 WHERE p.domain IN (SELECT domain FROM platforms) AND x.provider_name IS NOT NULL
 GROUP BY p.domain, articledb_fold_key(x.provider_name);

UPDATE articles SET provider_id =
  (SELECT n.id FROM providers AS n JOIN providers AS p ON n.platform = p.domain
    WHERE p.id = articles.provider_id AND n.name_key = articledb_fold_key(articles.provider_name))
 WHERE provider_name IS NOT NULL AND provider_id IN
  (SELECT id FROM providers WHERE domain IN (SELECT domain FROM platforms));

UPDATE related SET provider_id =
  (SELECT n.id FROM providers AS n JOIN providers AS p ON n.platform = p.domain
    WHERE p.id = related.provider_id AND n.name_key = articledb_fold_key(related.provider_name))
 WHERE provider_name IS NOT NULL AND provider_id IN
  (SELECT id FROM providers WHERE domain IN (SELECT domain FROM platforms));

DELETE FROM providers
 WHERE domain IN (SELECT domain FROM platforms)
   AND id NOT IN (SELECT provider_id FROM articles WHERE provider_id IS NOT NULL)
   AND id NOT IN (SELECT provider_id FROM related WHERE provider_id IS NOT NULL);
