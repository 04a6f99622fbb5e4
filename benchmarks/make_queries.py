#!/usr/bin/python3
"""Draws a query set for search benchmarks from an articledb database: queries of 1-3 words
from four frequency bands (words found in ~30%, ~1%, ~0.1% and ~0.01% of the articles), a
third of each with one, two and three words. The words of a multi-word query come from one
article, as a user would combine them. Deterministic for a database and a seed.

    make_queries.py DATABASE [--count 240] [--seed 1] > queries.tsv

Each line: band <TAB> query.
"""
import argparse
import random
import re
import sqlite3

BANDS = [("30%", 0.20, 0.45), ("1%", 0.005, 0.02), ("0.1%", 0.0005, 0.002),
         ("0.01%", 0.00005, 0.0002)]
WORD = re.compile(r"[a-z]{2,}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
    db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')")
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    per_band = args.count // len(BANDS)
    for name, low, high in BANDS:
        lo = max(1, int(articles * low))
        hi = max(lo, int(articles * high))
        words = [t for (t,) in db.execute(
            "SELECT term FROM temp.vocab WHERE doc BETWEEN ? AND ? ORDER BY term", (lo, hi))
            if WORD.fullmatch(t)]
        if not words:
            continue
        band = set(words)
        for i in range(per_band):
            size = 1 + i % 3
            first = rng.choice(words)
            chosen = [first]
            if size > 1:
                ids = [r for (r,) in db.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 50",
                    ('"' + first + '"',))]
                if ids:
                    text = db.execute(
                        "SELECT lower(coalesce(title, '') || ' ' || coalesce(excerpt, '') || ' ' "
                        "|| coalesce(body_text, '')) FROM articles WHERE id = ?",
                        (rng.choice(ids),)).fetchone()[0]
                    others = sorted({w for w in WORD.findall(text) if w in band} - {first})
                    rng.shuffle(others)
                    chosen += others[:size - 1]
                while len(chosen) < size:
                    chosen.append(rng.choice(words))
            print(f"{name}\t{' '.join(chosen)}")


if __name__ == "__main__":
    main()
