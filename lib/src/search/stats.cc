#include "search/stats.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <queue>
#include <unordered_set>

#include "util/ordered_parallel.h"

namespace articledb::search {
namespace {

// Beyond this many chunks a head is merged into one.
constexpr std::int64_t kMaxChunks = 8;
// Changes made outside an import are folded in one by one up to this share of the articles;
// beyond it the statistics are rebuilt.
constexpr double kPendingRebuildShare = 0.05;
// A rebuild reads the articles in ranges of this many ids.
constexpr std::int64_t kRebuildRange = 2048;
// How long a rebuild's extra readers wait for a lock.
constexpr int kReaderBusyMs = 10000;

// The threads a rebuild may read with: more than one only for a database in a file in WAL
// mode, where other connections read what the caller's has committed while it writes.
unsigned reader_count(SQLite::Database& db, unsigned jobs) {
  const char* file = sqlite3_db_filename(db.getHandle(), "main");
  if (jobs <= 1 || file == nullptr || *file == '\0') return 1;
  const std::string mode = db.execAndGet("PRAGMA journal_mode").getString();
  return mode == "wal" ? jobs : 1;
}

void write_state(SQLite::Database& db, const StatsState& state) {
  SQLite::Statement put(db, "INSERT OR REPLACE INTO search_state(key, value) VALUES (?1, ?2)");
  auto write = [&](const char* key, auto value) {
    put.reset();
    put.bind(1, key);
    put.bind(2, value);
    put.exec();
  };
  write("valid", state.valid ? 1 : 0);
  write("next_chunk", static_cast<std::int64_t>(state.next_chunk));
  write("reference_length", state.reference_length);
}

bool by_impact(const Posting& a, const Posting& b, double reference_length) {
  const double x = impact(a, reference_length);
  const double y = impact(b, reference_length);
  return x != y ? x > y : a.id < b.id;
}

constexpr const char* kArticleText =
    "SELECT id, title, excerpt, body_text, topics_text, provider_name FROM articles";

// SQLite's varint, as FTS5 writes its records: big-endian groups of 7 bits, 9 bytes at most.
bool get_sqlite_varint(std::string_view& in, std::uint64_t& value) {
  value = 0;
  for (int i = 0; i < 8; ++i) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value = (value << 7) | (byte & 0x7F);
    if ((byte & 0x80) == 0) return true;
  }
  if (in.empty()) return false;
  value = (value << 8) | static_cast<unsigned char>(in.front());
  in.remove_prefix(1);
  return true;
}

}  // namespace

IndexTotals read_totals(SQLite::Database& db) {
  IndexTotals totals;
  SQLite::Statement q(db, "SELECT block FROM articles_fts_data WHERE id = 1");
  if (!q.executeStep()) return totals;
  const SQLite::Column block = q.getColumn(0);
  std::string_view in(static_cast<const char*>(block.getBlob()),
                      static_cast<std::size_t>(block.getBytes()));
  std::uint64_t value = 0;
  if (!get_sqlite_varint(in, value)) return totals;
  totals.rows = static_cast<std::int64_t>(value);
  while (!in.empty() && get_sqlite_varint(in, value)) {
    totals.tokens += static_cast<std::int64_t>(value);
  }
  return totals;
}

StatsState read_state(SQLite::Database& db) {
  StatsState state;
  SQLite::Statement q(db, "SELECT key, value FROM search_state");
  while (q.executeStep()) {
    const std::string key = q.getColumn(0).getString();
    if (key == "valid") state.valid = q.getColumn(1).getInt() != 0;
    if (key == "next_chunk") state.next_chunk = q.getColumn(1).getInt64();
    if (key == "reference_length") state.reference_length = q.getColumn(1).getDouble();
  }
  if (state.reference_length <= 0) state.valid = false;
  return state;
}

StatsWriter::StatsWriter(SQLite::Database& db) : db_(db), state_(read_state(db)) {}

const std::unordered_map<std::string, double>& StatsWriter::cuts() {
  if (!cuts_) {
    // The terms with a head: a few thousand at most (each is in kHeadMinDf articles or more).
    // Heads are only given to terms by a rebuild, and their cuts only change at the end of
    // a run: read once.
    cuts_.emplace();
    SQLite::Statement q(db_, "SELECT term, cut FROM search_terms WHERE cut IS NOT NULL");
    while (q.executeStep()) cuts_->emplace(q.getColumn(0).getString(), q.getColumn(1).getDouble());
  }
  return *cuts_;
}

void StatsWriter::add(std::int64_t id, const ArticleTerms& terms) {
  if (!state_.valid) return;
  const auto& with_head = cuts();
  for (const auto& [term, frequency] : terms.terms) {
    ++df_delta_[term];
    const auto cut = with_head.find(term);
    if (cut == with_head.end()) continue;
    const Posting posting{id, frequency, terms.length};
    if (impact(posting, state_.reference_length) >= cut->second) {
      head_add_[term].push_back(posting);
    }
  }
}

void StatsWriter::remove(std::int64_t id, const ArticleTerms& terms) {
  if (!state_.valid) return;
  for (const auto& [term, frequency] : terms.terms) --df_delta_[term];
  dead_.push_back(id);
}

void StatsWriter::flush() {
  if (!state_.valid) return;
  if (df_delta_.empty() && head_add_.empty() && dead_.empty()) return;
  SQLite::Statement upsert(db_,
                           "INSERT INTO search_terms(term, df) VALUES (?1, ?2) ON CONFLICT(term) "
                           "DO UPDATE SET df = df + excluded.df");
  SQLite::Statement drop(db_, "DELETE FROM search_terms WHERE term = ?1 AND df <= 0");
  // In the table's order: each page of it is visited once.
  std::vector<std::pair<const std::string*, std::int64_t>> deltas;
  deltas.reserve(df_delta_.size());
  for (const auto& [term, delta] : df_delta_) {
    if (delta != 0) deltas.emplace_back(&term, delta);
  }
  std::sort(deltas.begin(), deltas.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (const auto& [term, delta] : deltas) {
    upsert.reset();
    upsert.bindNoCopy(1, *term);
    upsert.bind(2, static_cast<std::int64_t>(delta));
    upsert.exec();
    if (delta < 0) {
      drop.reset();
      drop.bindNoCopy(1, *term);
      drop.exec();
    }
  }
  SQLite::Statement head(db_,
                         "INSERT INTO search_heads(term, chunk, postings) VALUES (?1, ?2, ?3)");
  for (auto& [term, postings] : head_add_) {
    std::sort(postings.begin(), postings.end(),
              [](const Posting& a, const Posting& b) { return a.id < b.id; });
    const std::string blob = encode_postings(postings);
    head.reset();
    head.bind(1, term);
    head.bind(2, static_cast<std::int64_t>(state_.next_chunk));
    head.bind(3, blob.data(), static_cast<int>(blob.size()));
    head.exec();
  }
  SQLite::Statement dead(db_, "INSERT OR REPLACE INTO search_dead(id, chunk) VALUES (?1, ?2)");
  for (const std::int64_t id : dead_) {
    dead.reset();
    dead.bind(1, static_cast<std::int64_t>(id));
    dead.bind(2, static_cast<std::int64_t>(state_.next_chunk));
    dead.exec();
  }
  ++state_.next_chunk;
  write_state(db_, state_);
  df_delta_.clear();
  head_add_.clear();
  dead_.clear();
}

void StatsWriter::invalidate() {
  state_.valid = false;
  db_.exec("UPDATE search_state SET value = 0 WHERE key = 'valid'");
  df_delta_.clear();
  head_add_.clear();
  dead_.clear();
}

void rebuild_stats(SQLite::Database& db, unsigned jobs) {
  db.exec(
      "DELETE FROM search_terms; DELETE FROM search_heads; DELETE FROM search_dead; "
      "DELETE FROM search_pending");
  // How many articles hold each term, and how many hold it in their title, from the index
  // itself: a scan of it costs far less than tokenizing every article.
  std::unordered_map<std::string, std::int64_t> df;
  std::unordered_map<std::string, std::int64_t> in_titles;
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articledb_vocab_row "
      "USING fts5vocab(main, 'articles_fts', 'row');"
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articledb_vocab_col "
      "USING fts5vocab(main, 'articles_fts', 'col')");
  {
    SQLite::Statement rows(db, "SELECT term, doc FROM temp.articledb_vocab_row");
    while (rows.executeStep())
      df.emplace(rows.getColumn(0).getString(), rows.getColumn(1).getInt64());
    SQLite::Statement titles(db,
                             "SELECT term, doc FROM temp.articledb_vocab_col WHERE col = 'title'");
    while (titles.executeStep()) {
      std::string term = titles.getColumn(0).getString();
      auto it = df.find(term);
      if (it != df.end() && it->second >= kHeadMinDf) {
        in_titles.emplace(std::move(term), titles.getColumn(1).getInt64());
      }
    }
  }
  const IndexTotals totals = read_totals(db);
  StatsState state;
  state.valid = true;
  state.next_chunk = 2;
  state.reference_length = totals.rows == 0 ? 1.0 : totals.average_length();
  const double threshold = head_threshold(state.reference_length);
  const double reference = state.reference_length;

  // One pass over the articles: the best postings of each frequent term, kept in bounded
  // heaps (the worst on top, to be dropped first), with their impact computed once.
  struct Compact {
    double score;
    std::uint32_t id;
    std::uint32_t frequency;
    std::uint32_t length;
    Posting posting() const { return {id, frequency, length}; }
  };
  // a better than b: b comes out of the heap first. The order of by_impact.
  auto worse = [](const Compact& a, const Compact& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  using Heap = std::priority_queue<Compact, std::vector<Compact>, decltype(worse)>;
  // Per frequent term: its best postings of at least the threshold's impact (`above`) and,
  // for a term seldom in titles, its best postings below it (`below`), so that its head is
  // not nearly empty.
  struct Candidates {
    Heap above;
    std::optional<Heap> below;
    std::size_t below_cap = 0;
  };
  auto keep = [&](Heap& heap, const Compact& entry, std::size_t cap) {
    if (heap.size() < cap) {
      heap.push(entry);
    } else if (worse(entry, heap.top())) {
      heap.pop();
      heap.push(entry);
    }
  };
  std::unordered_map<std::string, Candidates> heads;
  for (const auto& [term, count] : df) {
    if (count < kHeadMinDf) continue;
    Candidates c{Heap(worse), std::nullopt, 0};
    auto titled = in_titles.find(term);
    if (titled == in_titles.end() || titled->second < static_cast<std::int64_t>(kMinHead)) {
      c.below.emplace(worse);
      c.below_cap = std::min<std::size_t>(kMinHead, static_cast<std::size_t>(count) / 4 + 1);
    }
    heads.emplace(term, std::move(c));
  }
  const std::int64_t last = db.execAndGet("SELECT coalesce(max(id), 0) FROM articles").getInt64();
  if (!heads.empty() && last <= std::numeric_limits<std::uint32_t>::max()) {
    // Ranges of ids tokenized in parallel (`heads` is only read there), each on a connection
    // of its worker's own; the heaps are filled on the calling thread.
    struct Entry {
      Candidates* candidates;
      Compact compact;
    };
    const std::size_t ranges = static_cast<std::size_t>(last / kRebuildRange) + 1;
    const unsigned workers = reader_count(db, jobs);
    std::vector<std::unique_ptr<Tokenizer>> tokenizers(workers);
    std::vector<std::unique_ptr<SQLite::Database>> connections(workers);
    std::vector<std::unique_ptr<SQLite::Statement>> statements(workers);
    util::ordered_parallel<std::vector<Entry>>(
        ranges, workers, util::Lookahead{static_cast<std::size_t>(workers) * 4},
        [&](std::size_t range, unsigned worker) {
          if (!statements[worker]) {
            SQLite::Database* source = &db;
            if (worker != 0) {
              connections[worker] =
                  std::make_unique<SQLite::Database>(sqlite3_db_filename(db.getHandle(), "main"),
                                                     SQLite::OPEN_READONLY, kReaderBusyMs);
              source = connections[worker].get();
            }
            tokenizers[worker] = std::make_unique<Tokenizer>();
            statements[worker] = std::make_unique<SQLite::Statement>(
                *source, std::string(kArticleText) + " WHERE id BETWEEN ?1 AND ?2");
          }
          SQLite::Statement& rows = *statements[worker];
          rows.reset();
          rows.bind(1, static_cast<std::int64_t>(range) * kRebuildRange);
          rows.bind(2, static_cast<std::int64_t>(range + 1) * kRebuildRange - 1);
          std::vector<Entry> entries;
          while (rows.executeStep()) {
            const auto id = static_cast<std::uint32_t>(rows.getColumn(0).getInt64());
            const ArticleTerms terms = article_terms(*tokenizers[worker], indexed_columns(rows, 1));
            for (const auto& [term, frequency] : terms.terms) {
              auto it = heads.find(term);
              if (it == heads.end()) continue;
              const Posting posting{id, frequency, terms.length};
              entries.push_back(
                  {&it->second, Compact{impact(posting, reference), id, frequency, terms.length}});
            }
          }
          return entries;
        },
        [&](std::size_t, std::vector<Entry>&& entries) {
          for (const Entry& entry : entries) {
            Candidates& c = *entry.candidates;
            if (entry.compact.score >= threshold) {
              keep(c.above, entry.compact, kMaxHead);
            } else if (c.below) {
              keep(*c.below, entry.compact, c.below_cap);
            }
          }
        });
  } else {
    heads.clear();
  }

  SQLite::Statement term_row(db, "INSERT INTO search_terms(term, df, cut) VALUES (?1, ?2, ?3)");
  SQLite::Statement head_row(db,
                             "INSERT INTO search_heads(term, chunk, postings) VALUES (?1, 1, ?2)");
  for (const auto& [term, count] : df) {
    term_row.reset();
    term_row.bind(1, term);
    term_row.bind(2, static_cast<std::int64_t>(count));
    auto it = heads.find(term);
    if (it == heads.end()) {
      term_row.bind(3);
      term_row.exec();
      continue;
    }
    Candidates& c = it->second;
    const bool capped = c.above.size() >= kMaxHead;
    std::vector<Posting> postings;
    postings.reserve(c.above.size());
    while (!c.above.empty()) {
      postings.push_back(c.above.top().posting());
      c.above.pop();
    }
    // Postings below the cut are not in the head: the threshold, or the worst one kept (the
    // heap gives the worst first).
    double cut = capped && !postings.empty() ? impact(postings.front(), reference) : threshold;
    if (c.below && postings.size() < kMinHead) {
      std::vector<Posting> more;
      while (!c.below->empty()) {
        more.push_back(c.below->top().posting());
        c.below->pop();
      }
      std::reverse(more.begin(), more.end());  // best first
      for (const Posting& p : more) {
        if (postings.size() >= kMinHead) break;
        postings.push_back(p);
        cut = impact(p, reference);
      }
      // When the below-threshold heap was full, postings worse than its worst were dropped:
      // they are below the cut just set, since every posting taken is at least as good.
    }
    std::sort(postings.begin(), postings.end(),
              [](const Posting& a, const Posting& b) { return a.id < b.id; });
    term_row.bind(3, cut);
    term_row.exec();
    if (postings.empty()) continue;
    const std::string blob = encode_postings(postings);
    head_row.reset();
    head_row.bind(1, term);
    head_row.bind(2, blob.data(), static_cast<int>(blob.size()));
    head_row.exec();
  }
  write_state(db, state);
}

void apply_pending(SQLite::Database& db) {
  const auto pending = db.execAndGet("SELECT count(*) FROM search_pending").getInt64();
  if (pending == 0) return;
  const StatsState state = read_state(db);
  if (!state.valid) return;  // rebuilt at the end of the import
  const auto articles = db.execAndGet("SELECT count(*) FROM articles").getInt64();
  if (static_cast<double>(pending) > kPendingRebuildShare * static_cast<double>(articles)) {
    // Marked for a rebuild, which the import does at its end, with all its threads.
    db.exec("UPDATE search_state SET value = 0 WHERE key = 'valid'");
    return;
  }
  Tokenizer tokenizer;
  StatsWriter writer(db);
  SQLite::Statement rows(db,
                         "SELECT id, counted, title, excerpt, body, topics, provider "
                         "FROM search_pending ORDER BY id");
  SQLite::Statement current(db, std::string(kArticleText) + " WHERE id = ?1");
  while (rows.executeStep()) {
    const std::int64_t id = rows.getColumn(0).getInt64();
    if (rows.getColumn(1).getInt() != 0) {
      writer.remove(id, article_terms(tokenizer, indexed_columns(rows, 2)));
    }
    current.reset();
    current.bind(1, id);
    if (current.executeStep())
      writer.add(id, article_terms(tokenizer, indexed_columns(current, 1)));
  }
  writer.flush();
  db.exec("DELETE FROM search_pending");
}

void compact_heads(SQLite::Database& db) {
  const StatsState state = read_state(db);
  if (!state.valid) return;
  std::vector<std::string> terms;
  {
    SQLite::Statement many(db, "SELECT term FROM search_heads GROUP BY term HAVING count(*) > ?1");
    many.bind(1, static_cast<std::int64_t>(kMaxChunks));
    while (many.executeStep()) terms.push_back(many.getColumn(0).getString());
  }
  if (terms.empty()) return;
  std::unordered_map<std::int64_t, std::int64_t> dead;
  {
    SQLite::Statement q(db, "SELECT id, chunk FROM search_dead");
    while (q.executeStep()) dead.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  }
  SQLite::Statement chunks(db, "SELECT chunk, postings FROM search_heads WHERE term = ?1");
  SQLite::Statement clear(db, "DELETE FROM search_heads WHERE term = ?1");
  SQLite::Statement write(db,
                          "INSERT INTO search_heads(term, chunk, postings) VALUES (?1, ?2, ?3)");
  SQLite::Statement cut(db, "UPDATE search_terms SET cut = max(cut, ?2) WHERE term = ?1");
  for (const std::string& term : terms) {
    std::vector<Posting> postings;
    std::int64_t last = 0;
    chunks.reset();
    chunks.bind(1, term);
    while (chunks.executeStep()) {
      const std::int64_t chunk = chunks.getColumn(0).getInt64();
      last = std::max(last, chunk);
      std::vector<Posting> part;
      const SQLite::Column blob = chunks.getColumn(1);
      decode_postings(std::string_view(static_cast<const char*>(blob.getBlob()),
                                       static_cast<std::size_t>(blob.getBytes())),
                      part);
      for (const Posting& p : part) {
        auto it = dead.find(p.id);
        if (it == dead.end() || chunk >= it->second) postings.push_back(p);
      }
    }
    if (postings.size() > kMaxHead) {
      std::sort(postings.begin(), postings.end(), [&](const Posting& a, const Posting& b) {
        return by_impact(a, b, state.reference_length);
      });
      postings.resize(kMaxHead);
      cut.reset();
      cut.bind(1, term);
      cut.bind(2, impact(postings.back(), state.reference_length));
      cut.exec();
    }
    std::sort(postings.begin(), postings.end(),
              [](const Posting& a, const Posting& b) { return a.id < b.id; });
    clear.reset();
    clear.bind(1, term);
    clear.exec();
    const std::string blob = encode_postings(postings);
    write.reset();
    write.bind(1, term);
    write.bind(2, static_cast<std::int64_t>(last));
    write.bind(3, blob.data(), static_cast<int>(blob.size()));
    write.exec();
  }
}

}  // namespace articledb::search
