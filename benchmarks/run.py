#!/usr/bin/python3
"""Runs articledb's benchmarks end to end and writes the results to benchmarks/RESULTS.md.

For each size it generates a seeded synthetic corpus (articledb_make_corpus, seed 1) into a
work folder outside the repository, then measures, alternating the sides of every comparison
round by round and reporting medians:

  * cold import (a new database; the corpus read once beforehand, so that no side pays for
    reading it from disk): articledb --jobs 2, articledb --jobs 1 and the peer
    (benchmarks/peers/pyyaml_sqlite_utils.py) on the same files: wall time, CPU per article,
    peak RSS, bytes written, database size;
  * no-op re-import against a bare stat walk (find -printf '%s %T@');
  * 1,000 new files into the database against the same files into an empty one;
  * the writer alone (Google Benchmark BM_WriteArticles, into an empty database and into a copy
    of this size's database);
  * search latency per frequency band and mode (articledb_search_bench on queries drawn by
    benchmarks/make_queries.py), and the CLI's wall time for a rare word.

    benchmarks/run.py [--sizes 10000,100000] [--rounds 3] [--work DIR] [--build DIR]
                      [--out FILE] [--peer-max N] [--writer-max N] [--keep]

The generated section of FILE (between the run.py markers) is replaced; text outside it, the
hand-written history, is kept. FILE is created when missing. Requires python3-yaml and
sqlite-utils for the peer (scripts/install-deps.sh installs them).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BEGIN = "<!-- run.py: begin -->"
END = "<!-- run.py: end -->"
NEW_FILES = 1000
# Debian's python, which python3-yaml and sqlite-utils are installed for.
PYTHON = "/usr/bin/python3"


def log(*args):
    print("run.py:", *args, file=sys.stderr, flush=True)


class Measure:
    """One child process: wall seconds, CPU seconds, peak RSS bytes, bytes written."""

    def __init__(self, argv, stdout=subprocess.DEVNULL, env=None):
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env)
        # wait4 gives this child's own resource use (its threads included).
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss = usage.ru_maxrss * 1024
        self.written = usage.ru_oublock * 512
        self.status = proc.returncode
        if self.status != 0:
            raise RuntimeError(f"{' '.join(argv)} exited with {self.status}:\n{err}")


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-import.lock"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def db_bytes(path):
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


def tree_bytes(folder):
    total = 0
    for parent, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(parent, name))
    return total


def read_through(folder):
    """Reads every file under `folder` once, into the page cache."""
    for parent, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(parent, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(value, digits=2):
    if value != value:  # nan
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def verdict(ok):
    return "yes" if ok else "**no**"


class Runner:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build)
        self.tool = os.path.join(self.build, "tools", "articledb")
        self.bench = os.path.join(self.build, "benchmarks")
        self.peer = os.path.join(HERE, "peers", "pyyaml_sqlite_utils.py")
        self.work = args.work
        self.commands = []

    def note(self, command):
        if command not in self.commands:
            self.commands.append(command)

    def corpus(self, size, seed=1, first=0, name=None):
        folder = os.path.join(self.work, name or f"corpus-{size}")
        marker = os.path.join(folder, ".complete")
        if not os.path.exists(marker):
            shutil.rmtree(folder, ignore_errors=True)
            log(f"generating {size} files into {folder}")
            subprocess.run([os.path.join(self.bench, "articledb_make_corpus"), "--seed", str(seed),
                            "--first", str(first), folder, str(size)], check=True)
            open(marker, "w").close()
        return folder

    def import_cmd(self, db, folder, jobs):
        return [self.tool, "import", "-q", "--db", db, "--jobs", str(jobs), folder]

    def run_size(self, size):
        a = self.args
        corpus = self.corpus(size)
        input_bytes = tree_bytes(corpus)
        rounds = a.rounds
        with_peer = size <= a.peer_max
        sides = ["jobs2", "jobs1"] + (["peer"] if with_peer else [])
        cold = {s: [] for s in sides}
        db = os.path.join(self.work, f"adb-{size}.db")
        peer_db = os.path.join(self.work, f"peer-{size}.db")
        final_size = {}
        self.note("articledb import -q --db DB --jobs {1,2} CORPUS")
        if with_peer:
            self.note("benchmarks/peers/pyyaml_sqlite_utils.py DB CORPUS")
        # The first side would otherwise read the corpus from disk, the others from memory.
        read_through(corpus)
        for r in range(rounds):
            order = sides if r % 2 == 0 else list(reversed(sides))
            for side in order:
                if side == "peer":
                    remove_db(peer_db)
                    m = Measure([PYTHON, self.peer, peer_db, corpus])
                    final_size[side] = db_bytes(peer_db)
                else:
                    remove_db(db)
                    m = Measure(self.import_cmd(db, corpus, 2 if side == "jobs2" else 1))
                    final_size[side] = db_bytes(db)
                log(f"{size}: cold {side} round {r + 1}: {m.wall:.2f} s, cpu {m.cpu:.2f} s, "
                    f"rss {m.rss / 2**20:.0f} MB, written {m.written / 2**20:.0f} MB")
                cold[side].append(m)
        # The database of the last articledb side stays for the runs below; make sure it is
        # one written with --jobs 2 (the default).
        remove_db(db)
        Measure(self.import_cmd(db, corpus, 2))
        if with_peer:
            remove_db(peer_db)

        # No-op re-import against a bare stat walk.
        noop, walk, noop_rss = [], [], []
        self.note("find CORPUS -type f -printf '%s %T@\\n'  vs  articledb import -q --db DB CORPUS "
                  "(nothing changed)")
        for r in range(rounds * 2 + 1):
            pair = [("walk", ["find", corpus, "-type", "f", "-printf", "%s %T@\n"]),
                    ("noop", self.import_cmd(db, corpus, 2))]
            if r % 2:
                pair.reverse()
            for name, argv in pair:
                m = Measure(argv)
                (walk if name == "walk" else noop).append(m.wall)
                if name == "noop":
                    noop_rss.append(m.rss)

        # 1,000 new files: into this database against into an empty one.
        fresh = self.corpus(NEW_FILES, first=size, name=f"new-{size}")
        self.note(f"articledb import -q --db DB NEW (1,000 new files; DB a copy of the "
                  f"database, or empty)")
        copy = os.path.join(self.work, f"copy-{size}.db")
        empty = os.path.join(self.work, f"empty-{size}.db")
        into_big, into_empty = [], []
        for r in range(rounds):
            remove_db(copy)
            shutil.copyfile(db, copy)
            os.sync()  # the copy's writeback is not the import's work
            for name in (("big", "empty") if r % 2 == 0 else ("empty", "big")):
                target = copy if name == "big" else empty
                if name == "empty":
                    remove_db(empty)
                m = Measure(self.import_cmd(target, fresh, 2))
                (into_big if name == "big" else into_empty).append(m.wall)
        remove_db(copy)
        remove_db(empty)

        # The writer alone.
        writer = {}
        if size <= a.writer_max:
            self.note("ARTICLEDB_BENCH_DB=DB articledb_benchmarks --benchmark_filter=BM_WriteArticles")
            env = dict(os.environ, ARTICLEDB_BENCH_DB=db)
            out = subprocess.run(
                [os.path.join(self.bench, "articledb_benchmarks"),
                 "--benchmark_filter=BM_WriteArticles",
                 f"--benchmark_repetitions={max(1, rounds)}",
                 "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                env=env, check=True, capture_output=True, text=True).stdout
            for b in json.loads(out)["benchmarks"]:
                # One repetition has no aggregates: its only run stands for the median.
                wanted = ("aggregate", "median") if rounds > 1 else ("iteration", None)
                if (b.get("run_type"), b.get("aggregate_name")) != wanted:
                    continue
                key = "empty" if re.search(r"/0(/|$)", b["run_name"]) else "big"
                writer[key] = b.get("items_per_second", float("nan"))

        # Search.
        queries = os.path.join(self.work, f"queries-{size}.tsv")
        with open(queries, "w") as out:
            subprocess.run([PYTHON, os.path.join(HERE, "make_queries.py"), db],
                           stdout=out, check=True)
        self.note("benchmarks/make_queries.py DB > QUERIES; articledb_search_bench --db DB "
                  "--queries QUERIES --repeat 3 --markdown")
        search = subprocess.run(
            [os.path.join(self.bench, "articledb_search_bench"), "--db", db, "--queries", queries,
             "--repeat", "3", "--markdown",
             "--modes", "relevance,page2,newest,oldest,facets,topic,provider,topic-median,"
             "provider-median,topic-p90,provider-p90,topic-p95,provider-p95,list-topic"],
            check=True, capture_output=True, text=True).stdout
        rare = None
        with open(queries) as lines:
            for line in lines:
                band, text = line.rstrip("\n").split("\t", 1)
                if band == "0.01%" and " " not in text:
                    rare = text
                    break
        cli = []
        if rare:
            self.note(f"articledb search --db DB WORD (a word of the 0.01% band)")
            for _ in range(max(5, rounds * 3)):
                cli.append(Measure([self.tool, "search", "--db", db, rare]).wall)

        return dict(size=size, input_bytes=input_bytes, cold=cold, final_size=final_size,
                    noop=noop, walk=walk, noop_rss=noop_rss, into_big=into_big,
                    into_empty=into_empty, writer=writer, search=search, rare=rare, cli=cli,
                    with_peer=with_peer, rounds=rounds)

    def report(self, results, started, load):
        lines = [BEGIN, "", f"## Generated by `benchmarks/run.py` — {started:%Y-%m-%d %H:%M} UTC", ""]
        cpu = "unknown"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        lines += [
            f"- Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.platform()}",
            f"- Load average before / after: {load[0]} / {load[1]}",
            f"- Command: `benchmarks/run.py {' '.join(self.args.argv)}`",
            f"- Rounds: {self.args.rounds}, the sides of each comparison alternated; medians shown.",
            "- Corpus: `articledb_make_corpus --seed 1 DIR N` (synthetic, deterministic), read "
            "once before the cold imports (a cold import is one into a new database).",
            "- Commands timed:",
        ]
        lines += [f"  - `{c}`" for c in self.commands]
        for r in results:
            n = r["size"]
            lines += ["", f"### {n:,} files ({r['input_bytes'] / 2**20:,.0f} MiB of input)", ""]
            lines += ["| cold import | articledb --jobs 2 | articledb --jobs 1 | peer |",
                      "| --- | --- | --- | --- |"]

            def col(side, f):
                ms = r["cold"].get(side)
                return fmt(median([f(m) for m in ms])) if ms else "—"

            lines.append("| wall s | " + " | ".join(col(s, lambda m: m.wall)
                                                   for s in ("jobs2", "jobs1", "peer")) + " |")
            lines.append("| articles/s | " + " | ".join(col(s, lambda m: n / m.wall)
                                                       for s in ("jobs2", "jobs1", "peer")) + " |")
            lines.append("| CPU µs/article | " + " | ".join(
                col(s, lambda m: m.cpu / n * 1e6) for s in ("jobs2", "jobs1", "peer")) + " |")
            lines.append("| peak RSS MiB | " + " | ".join(
                col(s, lambda m: m.rss / 2**20) for s in ("jobs2", "jobs1", "peer")) + " |")
            size_of = r["final_size"]
            lines.append("| bytes written / database | " + " | ".join(
                col(s, lambda m, s=s: m.written / size_of[s]) if s in size_of else "—"
                for s in ("jobs2", "jobs1", "peer")) + " |")
            lines.append("| database / input | " + " | ".join(
                fmt(size_of[s] / r["input_bytes"]) if s in size_of else "—"
                for s in ("jobs2", "jobs1", "peer")) + " |")

            def med(side, f):
                return median([f(m) for m in r["cold"][side]])

            jobs_ratio = med("jobs1", lambda m: m.wall) / med("jobs2", lambda m: m.wall)
            cpu_ours = med("jobs2", lambda m: m.cpu)
            rss = max(m.rss for s in ("jobs2", "jobs1") for m in r["cold"][s])
            rss = max([rss] + r["noop_rss"])
            written = med("jobs2", lambda m: m.written) / size_of["jobs2"]
            grow = size_of["jobs2"] / r["input_bytes"]
            noop_ratio = median(r["noop"]) / median(r["walk"])
            inc_ratio = median(r["into_big"]) / median(r["into_empty"])
            lines += ["", "| target | measured | met |", "| --- | --- | --- |"]
            lines.append(f"| `--jobs 2` ≥ 1.7× `--jobs 1` | {jobs_ratio:.2f}× | "
                         f"{verdict(jobs_ratio >= 1.7)} |")
            if r["with_peer"]:
                cpu_peer = med("peer", lambda m: m.cpu)
                lines.append(f"| CPU per article < the peer's | {cpu_ours / cpu_peer:.2f}× the "
                             f"peer's | {verdict(cpu_ours < cpu_peer)} |")
            lines.append(f"| peak RSS ≤ 256 MiB (cold and no-op) | {rss / 2**20:.0f} MiB | "
                         f"{verdict(rss <= 256 * 2**20)} |")
            lines.append(f"| bytes written ≤ 3× the database | {written:.2f}× | "
                         f"{verdict(written <= 3)} |")
            lines.append(f"| database ≤ 1.5× the input | {grow:.2f}× | {verdict(grow <= 1.5)} |")
            lines.append(f"| no-op re-import ≤ 2× the stat walk | {median(r['noop']):.3f} s vs "
                         f"{median(r['walk']):.3f} s = {noop_ratio:.2f}× | "
                         f"{verdict(noop_ratio <= 2)} |")
            lines.append(f"| 1,000 new files ≤ 1.3× the time into an empty database | "
                         f"{median(r['into_big']):.3f} s vs {median(r['into_empty']):.3f} s = "
                         f"{inc_ratio:.2f}× | {verdict(inc_ratio <= 1.3)} |")
            w = r["writer"]
            if "empty" in w:
                lines.append(f"| writer alone ≥ 25,000 articles/s into an empty database | "
                             f"{w['empty']:,.0f}/s | {verdict(w['empty'] >= 25000)} |")
            if "big" in w:
                lines.append(f"| writer alone ≥ 15,000 articles/s into this database | "
                             f"{w['big']:,.0f}/s | {verdict(w['big'] >= 15000)} |")
            if r["cli"]:
                cli = median(r["cli"]) * 1000
                lines.append(f"| `articledb search` for a rare word ({r['rare']}) ≤ 10 ms | "
                             f"{cli:.1f} ms | {verdict(cli <= 10)} |")
            lines += ["", "Search, in-process, top 20, medians of 3 runs per query:", ""]
            lines += r["search"].rstrip("\n").split("\n")
        lines += ["", END]
        return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", help="folder for corpora and databases (default: a new "
                        "temporary folder, removed at the end unless --keep)")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    parser.add_argument("--peer-max", type=int, default=100000,
                        help="run the peer for sizes up to this (default 100000)")
    parser.add_argument("--writer-max", type=int, default=10**7,
                        help="run the writer benchmark for sizes up to this")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    args.argv = sys.argv[1:]
    made = args.work is None
    if made:
        args.work = tempfile.mkdtemp(prefix="articledb-bench-")
    os.makedirs(args.work, exist_ok=True)
    runner = Runner(args)
    for tool in (runner.tool, os.path.join(runner.bench, "articledb_search_bench")):
        if not os.access(tool, os.X_OK):
            sys.exit(f"run.py: {tool} is missing: build the project first (see README)")
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        results = [runner.run_size(int(s)) for s in args.sizes.split(",")]
    finally:
        if made and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    section = runner.report(results, started, (load_before, load_after))
    old = ""
    if os.path.exists(args.out):
        with open(args.out) as f:
            old = f.read()
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + section + old[old.index(END) + len(END) + 1:]
    elif old:
        head, sep, rest = old.partition("\n\n")
        new = head + sep + section + "\n" + rest
    else:
        new = "# Benchmark results\n\n" + section
    with open(args.out, "w") as f:
        f.write(new)
    sys.stdout.write(section)


if __name__ == "__main__":
    main()
