#!/usr/bin/env python3
"""Prints what an import wrote that a reader can see, one line per article (JSON, without ids
or times of import) and one line each for the topic and provider names, sorted, so that two
databases compare with diff or comm.

    article_rows.py DATABASE
"""
import json
import sqlite3
import sys

ARTICLES = """
SELECT a.path, a.collection, a.title, a.excerpt, a.published_at, a.web_url, a.canonical_url,
       a.type, a.quality, a.heat, a.body, a.body_text, a.extra, a.repaired, a.topics_text,
       a.provider_name, p.name, p.domain,
       (SELECT json_group_array(x) FROM (SELECT t.name || '=' || l.label AS x
          FROM article_topics AS l JOIN topics AS t ON t.id = l.topic_id
         WHERE l.article_id = a.id ORDER BY l.position)),
       (SELECT json_group_array(x) FROM (SELECT role || ':' || url AS x FROM images
         WHERE article_id = a.id ORDER BY role, position)),
       (SELECT json_group_array(x) FROM (SELECT coalesce(r.title, '') || '@' ||
          coalesce(r.web_url, '') || '@' || coalesce(rp.name, '') AS x
          FROM related AS r LEFT JOIN providers AS rp ON rp.id = r.provider_id
         WHERE r.article_id = a.id ORDER BY r.position))
  FROM articles AS a LEFT JOIN providers AS p ON p.id = a.provider_id
 ORDER BY a.path
"""


def main():
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    out = sys.stdout
    for row in db.execute(ARTICLES):
        out.write("article " + json.dumps(row, ensure_ascii=False) + "\n")
    topics = [r[0] for r in db.execute("SELECT name FROM topics ORDER BY name")]
    out.write("topics " + json.dumps(topics, ensure_ascii=False) + "\n")
    providers = [r[0] for r in db.execute(
        "SELECT coalesce(domain, '') || '/' || name FROM providers ORDER BY 1")]
    out.write("providers " + json.dumps(providers, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
