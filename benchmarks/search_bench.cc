// Search latency by frequency band, in-process, as a web backend would run it: one read-only
// connection, each query run several times, the median kept per query, then p50 and p99 per
// band and mode. Also checks that relevance ranking gives the top 20 of exact bm25.
//
//   articledb_search_bench --db DB --queries FILE [--repeat 3] [--modes LIST] [--markdown]
//                          [--no-check]
//
// FILE has lines "band<TAB>query" (benchmarks/make_queries.py writes them). Modes: relevance,
// page2 (the page after the first), newest, oldest, facets, topic and provider (relevance with
// a filter on the commonest topic or provider), topic-median and provider-median (with a
// filter on the topic or provider of median size: most of them are that small), topic-p90,
// provider-p90, topic-p95 and provider-p95 (the 90th and 95th percentiles of their sizes),
// list-topic (a listing of the commonest topic, newest first: the same for every query).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "articledb/database.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Query {
  std::string band;
  std::string text;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(rank);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

std::string fts_expression(const std::string& text) {
  std::istringstream words(text);
  std::string word;
  std::string out;
  while (words >> word) out += (out.empty() ? "\"" : " AND \"") + word + "\"";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string queries_path;
  int repeat = 3;
  bool markdown = false;
  bool check = true;
  bool verbose = false;
  std::string modes_arg = "relevance,page2,newest,facets,topic,provider,list-topic";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--db") db_path = value();
    if (arg == "--queries") queries_path = value();
    if (arg == "--repeat") repeat = std::stoi(value());
    if (arg == "--modes") modes_arg = value();
    if (arg == "--markdown") markdown = true;
    if (arg == "--no-check") check = false;
    if (arg == "--verbose") verbose = true;
  }
  if (db_path.empty() || queries_path.empty()) {
    std::cerr << "usage: articledb_search_bench --db DB --queries FILE [--repeat N] "
                 "[--modes LIST] [--markdown]\n";
    return 2;
  }
  std::vector<Query> queries;
  {
    std::ifstream in(queries_path);
    std::string line;
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (tab != std::string::npos) queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
  }
  std::vector<std::string> modes;
  {
    std::istringstream in(modes_arg);
    std::string mode;
    while (std::getline(in, mode, ',')) modes.push_back(mode);
  }

  articledb::OpenOptions read_only;
  read_only.mode = articledb::OpenMode::kReadOnly;
  const articledb::Database db(db_path, read_only);
  SQLite::Database raw(db_path, SQLite::OPEN_READONLY);
  // The commonest topic and provider, for the filtered modes.
  const std::string topic =
      raw.execAndGet(
             "SELECT t.slug FROM topics AS t JOIN article_topics AS l ON l.topic_id = t.id "
             "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1")
          .getString();
  const std::string provider =
      raw.execAndGet(
             "SELECT p.domain FROM providers AS p JOIN articles AS a ON a.provider_id = "
             "p.id WHERE p.domain IS NOT NULL GROUP BY p.id ORDER BY count(*) DESC LIMIT 1")
          .getString();

  // And those of median size by their articles, and of the 90th percentile.
  auto at_percentile = [&](const std::string& counts, int percent) {
    SQLite::Statement q(raw, "SELECT name FROM (" + counts +
                                 ") ORDER BY n, name LIMIT 1 OFFSET (SELECT count(*) * " +
                                 std::to_string(percent) + " / 100 FROM (" + counts + "))");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  };
  const std::string topic_counts =
      "SELECT t.slug AS name, count(*) AS n FROM topics AS t JOIN article_topics AS l ON "
      "l.topic_id = t.id GROUP BY t.id";
  const std::string provider_counts =
      "SELECT p.domain AS name, count(*) AS n FROM providers AS p JOIN articles AS a ON "
      "a.provider_id = p.id WHERE p.domain IS NOT NULL GROUP BY p.id";
  const std::map<std::string, std::string> topic_of = {
      {"topic", topic},
      {"topic-median", at_percentile(topic_counts, 50)},
      {"topic-p90", at_percentile(topic_counts, 90)},
      {"topic-p95", at_percentile(topic_counts, 95)}};
  const std::map<std::string, std::string> provider_of = {
      {"provider", provider},
      {"provider-median", at_percentile(provider_counts, 50)},
      {"provider-p90", at_percentile(provider_counts, 90)},
      {"provider-p95", at_percentile(provider_counts, 95)}};

  // band -> mode -> per-query median milliseconds
  std::map<std::string, std::map<std::string, std::vector<double>>> times;
  std::map<std::string, std::pair<double, int>> overlap;  // band -> (sum, queries)
  int mismatches = 0;
  for (const Query& q : queries) {
    for (const std::string& mode : modes) {
      articledb::SearchOptions options;
      std::string next;
      if (mode == "newest") options.sort = articledb::Sort::kNewest;
      if (mode == "oldest") options.sort = articledb::Sort::kOldest;
      if (mode == "facets") options.facets = true;
      const bool by_topic = topic_of.count(mode) != 0;
      const bool by_provider = provider_of.count(mode) != 0;
      const std::string topic_value = by_topic ? topic_of.at(mode) : std::string();
      const std::string provider_value = by_provider ? provider_of.at(mode) : std::string();
      if (by_topic) options.filter.topics = {topic_value};
      if (by_provider) options.filter.providers = {provider_value};
      if (mode == "page2") {
        next = db.search(q.text, options).next;
        if (next.empty()) continue;  // one page only
        options.after = next;
      }
      std::vector<double> runs;
      articledb::SearchResults results;
      for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        if (mode == "list-topic") {
          articledb::ListOptions list;
          list.filter.topics = {topic};
          (void)db.list(list);
        } else {
          results = db.search(q.text, options);
        }
        runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
      times[q.band][mode].push_back(percentile(runs, 0.5));
      if (verbose) {
        std::fprintf(stderr, "%-6s %-10s %8.2f ms  %s\n", q.band.c_str(), mode.c_str(),
                     percentile(runs, 0.5), q.text.c_str());
      }
      if ((mode == "relevance" || by_topic || by_provider) && check) {
        // The exact top 20 by bm25 (with the mode's filter), with the ties at its end.
        std::string sql =
            "SELECT rowid, bm25(articles_fts, 10, 4, 1, 2, 2) AS s FROM "
            "articles_fts WHERE articles_fts MATCH ?1";
        if (by_topic) {
          sql +=
              " AND +rowid IN (SELECT l.article_id FROM article_topics AS l JOIN topics AS t "
              "ON t.id = l.topic_id WHERE t.slug = ?2)";
        }
        if (by_provider) {
          sql +=
              " AND +rowid IN (SELECT a.id FROM articles AS a JOIN providers AS p ON p.id = "
              "a.provider_id WHERE p.domain = ?2 OR p.platform = ?2)";
        }
        SQLite::Statement exact(raw, sql + " ORDER BY s, rowid LIMIT 20");
        exact.bind(1, fts_expression(q.text));
        if (by_topic) exact.bind(2, topic_value);
        if (by_provider) exact.bind(2, provider_value);
        std::vector<std::pair<std::int64_t, double>> want;
        while (exact.executeStep()) {
          want.emplace_back(exact.getColumn(0).getInt64(), exact.getColumn(1).getDouble());
        }
        std::set<std::int64_t> got;
        for (const auto& hit : results.hits) got.insert(*hit.article.id);
        int same = 0;
        for (const auto& [id, score] : want) same += got.count(id) != 0 ? 1 : 0;
        // A hit whose score ties the last exact one counts as the same.
        if (same < static_cast<int>(want.size())) {
          for (const auto& hit : results.hits) {
            if (!want.empty() && hit.score == want.back().second &&
                std::none_of(want.begin(), want.end(),
                             [&](const auto& w) { return w.first == *hit.article.id; })) {
              ++same;
            }
          }
        }
        const double share = want.empty() ? 1.0 : std::min(1.0, same / double(want.size()));
        overlap[q.band + " " + mode].first += share;
        overlap[q.band + " " + mode].second += 1;
        if (share < 1.0) {
          ++mismatches;
          std::cerr << "top 20 (" << mode << ") differs for '" << q.text << "': " << same << "/"
                    << want.size() << '\n';
        }
      }
    }
  }

  const char* band_order[] = {"30%", "1%", "0.1%", "0.01%"};
  if (markdown) {
    std::cout << "| band | mode | queries | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |\n";
  }
  for (const char* band : band_order) {
    for (const std::string& mode : modes) {
      const auto& values = times[band][mode];
      if (values.empty()) continue;
      char line[256];
      std::snprintf(line, sizeof line,
                    markdown ? "| %s | %s | %zu | %.2f | %.2f |\n"
                             : "%-6s %-11s %4zu  p50 %8.2f ms  p99 %8.2f ms\n",
                    band, mode.c_str(), values.size(), percentile(values, 0.5),
                    percentile(values, 0.99));
      std::cout << line;
    }
  }
  for (const char* band : band_order) {
    for (const std::string& mode : modes) {
      const auto& [sum, count] = overlap[std::string(band) + " " + mode];
      if (count == 0) continue;
      std::printf("%s band: %s top 20 matches exact bm25 in %.1f%% (%d queries)\n", band,
                  mode.c_str(), 100.0 * sum / count, count);
    }
  }
  std::printf("queries whose top 20 differs from exact bm25: %d\n", mismatches);
  return 0;
}
