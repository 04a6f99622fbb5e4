#!/usr/bin/python3
"""The peer articledb is measured against: the same article files loaded with Debian's
python3-yaml (its C loader, on libyaml) and sqlite-utils into equivalent tables -- articles,
providers, topics, article_topics, images, related -- with an FTS5 index over title, excerpt,
body, topics and provider. It does less than articledb (no normalisation, no body-text
extraction, no change detection) and runs on one core.

    pyyaml_sqlite_utils.py DATABASE FOLDER
"""
import json
import os
import sys

import sqlite_utils
import yaml

EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".txt")
COLUMNS = ("category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl",
           "ampWebUrl", "cdnAmpWebUrl", "type", "quality", "heat", "published", "removed",
           "secured")


def front_matter(text):
    if not text.startswith("---\n"):
        return None, None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None, None
    return text[4:end + 1], text[end + 5:]


def plain(value):
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def main(database, folder):
    db = sqlite_utils.Database(database)
    articles, topics_of, images, related = [], [], [], []
    providers, topics = {}, {}
    article_id = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                yaml_text, body = front_matter(f.read())
            if yaml_text is None:
                continue
            try:
                data = yaml.load(yaml_text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                continue
            if not isinstance(data, dict) or not (data.get("title") or data.get("name")):
                continue
            article_id += 1
            row = {"id": article_id, "path": os.path.relpath(path, folder)}
            for key in COLUMNS:
                row[key] = plain(data.get(key))
            row["title"] = row["title"] or data.get("name")
            provider = data.get("provider") if isinstance(data.get("provider"), dict) else None
            if provider:
                key = provider.get("domain") or provider.get("name")
                providers.setdefault(key, {"id": len(providers) + 1, "domain": key,
                                           "name": provider.get("name")})
                row["provider_id"] = providers[key]["id"]
                row["provider_name"] = provider.get("name")
                for i, logo in enumerate(provider.get("images") or []):
                    if isinstance(logo, dict):
                        images.append({"article_id": article_id, "role": "provider",
                                       "position": i, **{k: plain(v) for k, v in logo.items()}})
            names = data.get("topics") or []
            for i, topic in enumerate(names if isinstance(names, list) else [names]):
                key = str(topic).lower()
                topics.setdefault(key, {"id": len(topics) + 1, "name": str(topic)})
                topics_of.append({"article_id": article_id, "position": i,
                                  "topic_id": topics[key]["id"]})
            row["topics"] = "; ".join(str(t) for t in (names if isinstance(names, list) else [names]))
            for i, image in enumerate(data.get("images") or []):
                if isinstance(image, dict):
                    images.append({"article_id": article_id, "role": "article", "position": i,
                                   **{k: plain(v) for k, v in image.items()}})
            for i, entry in enumerate(data.get("related") or []):
                if isinstance(entry, dict):
                    related.append({"article_id": article_id, "position": i,
                                    **{k: plain(v) for k, v in entry.items()}})
            row["extra"] = json.dumps({k: v for k, v in data.items() if k not in COLUMNS},
                                      default=str)
            row["body"] = body
            articles.append(row)
            if len(articles) >= 10000:
                flush(db, articles, topics_of, images, related)
    flush(db, articles, topics_of, images, related)
    db["providers"].insert_all(providers.values(), pk="id", replace=True)
    db["topics"].insert_all(topics.values(), pk="id", replace=True)
    db["articles"].enable_fts(["title", "excerpt", "body", "topics", "provider_name"],
                              fts_version="FTS5", create_triggers=True)
    db["articles"].populate_fts(["title", "excerpt", "body", "topics", "provider_name"])
    print(f"{article_id} articles")


def flush(db, articles, topics_of, images, related):
    db["articles"].insert_all(articles, pk="id", alter=True, batch_size=1000)
    db["article_topics"].insert_all(topics_of, alter=True, batch_size=1000)
    db["images"].insert_all(images, alter=True, batch_size=1000)
    db["related"].insert_all(related, alter=True, batch_size=1000)
    for rows in (articles, topics_of, images, related):
        rows.clear()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
