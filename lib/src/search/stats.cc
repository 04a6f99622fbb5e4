#include "search/stats.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <memory>

#include "search/fts.h"
#include "util/ordered_parallel.h"

namespace articledb::search {
namespace {

// Beyond this many chunks a head is merged into one.
constexpr std::int64_t kMaxChunks = 8;
// Changes made outside an import are folded in one by one up to this share of the articles;
// beyond it the statistics are rebuilt.
constexpr double kPendingRebuildShare = 0.05;
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
  write("head_rule", state.head_rule);
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

// The index's column `name`: its place in kColumnNames, or kColumnNames.size().
std::size_t column_index(std::string_view name) {
  std::size_t i = 0;
  while (i < kColumnNames.size() && name != kColumnNames[i]) ++i;
  return i;
}

// Each article's length in tokens (all columns), as the index counted them
// (articles_fts_docsize: a varint per column), in id order; nothing if an id does not fit
// 32 bits.
struct Length {
  std::uint32_t id;
  std::uint32_t tokens;
};
std::optional<std::vector<Length>> read_lengths(SQLite::Database& db) {
  std::vector<Length> lengths;
  SQLite::Statement q(db, "SELECT id, sz FROM articles_fts_docsize ORDER BY id");
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    if (id < 0 || id > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    const SQLite::Column blob = q.getColumn(1);
    std::string_view in(static_cast<const char*>(blob.getBlob()),
                        static_cast<std::size_t>(blob.getBytes()));
    std::uint64_t total = 0;
    std::uint64_t value = 0;
    while (!in.empty() && get_sqlite_varint(in, value)) total += value;
    lengths.push_back(
        {static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(std::min<std::uint64_t>(
                                             total, std::numeric_limits<std::uint32_t>::max()))});
  }
  return lengths;
}

// A term's instances (article, column), in article order. Millions of rows: read through
// SQLite's own calls, without a Column object per value.
RawStatement prepare_instances(SQLite::Database& db) {
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articledb_vocab_instance "
      "USING fts5vocab(main, 'articles_fts', 'instance')");
  return prepare_raw(db, "SELECT doc, col FROM temp.articledb_vocab_instance WHERE term = ?1");
}

// What a head is measured by: impacts for the index's average length, and the threshold.
struct HeadRule {
  double reference_length;
  double threshold;
};

// A term's head as stored: the cut, and its postings encoded (none: no row).
struct BuiltHead {
  double cut = 0;
  std::string postings;
};

// A posting with its impact computed once.
struct Scored {
  double score;
  std::uint32_t id;
  std::uint32_t frequency;
  std::uint32_t length;
  Posting posting() const { return {id, frequency, length}; }
};
// a better than b: b comes out of the heap first. The order of by_impact.
struct Worse {
  bool operator()(const Scored& a, const Scored& b) const {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  }
};
// The best `cap` postings offered, the worst on top to be dropped first.
class BestOf {
 public:
  explicit BestOf(std::size_t cap) : cap_(cap) {}
  void offer(const Scored& entry) {
    if (cap_ == 0) return;
    if (heap_.size() < cap_) {
      heap_.push_back(entry);
      std::push_heap(heap_.begin(), heap_.end(), Worse());
    } else if (Worse()(entry, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), Worse());
      heap_.back() = entry;
      std::push_heap(heap_.begin(), heap_.end(), Worse());
    }
  }
  bool full() const { return heap_.size() >= cap_; }
  // The postings kept, best first.
  std::vector<Scored> best_first() {
    std::sort(heap_.begin(), heap_.end(),
              [](const Scored& a, const Scored& b) { return Worse()(a, b); });
    return std::move(heap_);
  }

 private:
  std::size_t cap_;
  std::vector<Scored> heap_;
};

// The head of one frequent term: its best postings of at least the threshold's impact, at
// most kMaxHead of them, and, for a term seldom in titles (in fewer than min_head(df) of them,
// counted here from its instances), its best postings below the threshold up to
// min_head(df), so that the head is not nearly empty.
BuiltHead build_head(sqlite3_stmt* instances, const std::string& term, std::int64_t df,
                     const std::vector<Length>& lengths, const HeadRule& rule) {
  BestOf above(kMaxHead);
  const std::size_t least = min_head(df);
  BestOf below(std::min<std::size_t>(least, static_cast<std::size_t>(df) / 4 + 1));
  sqlite3_bind_text(instances, 1, term.data(), static_cast<int>(term.size()), SQLITE_STATIC);
  std::int64_t doc = -1;
  std::uint32_t frequency = 0;
  bool titled = false;
  std::size_t in_titles = 0;
  auto next_length = lengths.begin();  // the term's articles come in id order
  auto offer = [&] {
    if (titled) ++in_titles;
    next_length = std::lower_bound(next_length, lengths.end(), doc,
                                   [](const Length& l, std::int64_t id) { return l.id < id; });
    if (next_length == lengths.end() || next_length->id != doc) return;
    const Scored entry{impact(Posting{doc, frequency, next_length->tokens}, rule.reference_length),
                       static_cast<std::uint32_t>(doc), frequency, next_length->tokens};
    if (entry.score >= rule.threshold) {
      above.offer(entry);
    } else if (in_titles < least) {  // else the head is not filled from below
      below.offer(entry);
    }
  };
  int step;
  while ((step = sqlite3_step(instances)) == SQLITE_ROW) {
    const std::int64_t id = sqlite3_column_int64(instances, 0);
    if (id != doc) {
      if (doc >= 0) offer();
      doc = id;
      frequency = 0;
      titled = false;
    }
    const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(instances, 1));
    const std::size_t column = column_index(name == nullptr ? std::string_view() : name);
    if (column < kColumnNames.size()) {
      frequency += static_cast<std::uint32_t>(kColumnWeights[column]);
      titled = titled || column == 0;
    }
  }
  const int rc = step == SQLITE_DONE ? SQLITE_OK : step;
  if (doc >= 0) offer();
  sqlite3_reset(instances);  // ready for the next term
  if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(instances), rc);

  BuiltHead head;
  const bool capped = above.full();
  std::vector<Scored> kept = above.best_first();
  // Postings below the cut are not in the head: the threshold, or the worst one kept.
  head.cut = capped && !kept.empty() ? kept.back().score : rule.threshold;
  if (kept.size() < least && in_titles < least) {
    // When the below-threshold heap was full, postings worse than its worst were dropped:
    // they are below the cut set here, since every posting taken is at least as good.
    for (const Scored& entry : below.best_first()) {
      if (kept.size() >= least) break;
      kept.push_back(entry);
      head.cut = entry.score;
    }
  }
  std::vector<Posting> postings;
  postings.reserve(kept.size());
  for (const Scored& entry : kept) postings.push_back(entry.posting());
  std::sort(postings.begin(), postings.end(),
            [](const Posting& a, const Posting& b) { return a.id < b.id; });
  if (!postings.empty()) head.postings = encode_postings(postings);
  return head;
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
    if (key == "head_rule") state.head_rule = q.getColumn(1).getInt64();
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

namespace {
DocumentFrequencies read_document_frequencies(SQLite::Database& db) {
  // From the index itself: a scan of it costs far less than tokenizing every article.
  DocumentFrequencies df;
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articledb_vocab_row "
      "USING fts5vocab(main, 'articles_fts', 'row')");
  SQLite::Statement rows(db, "SELECT term, doc FROM temp.articledb_vocab_row");
  while (rows.executeStep())
    df.emplace(rows.getColumn(0).getString(), rows.getColumn(1).getInt64());
  return df;
}
}  // namespace

std::future<DocumentFrequencies> document_frequencies(SQLite::Database& db, unsigned jobs) {
  if (reader_count(db, jobs) <= 1) {
    return std::async(std::launch::deferred, [&db] { return read_document_frequencies(db); });
  }
  return std::async(std::launch::async,
                    [file = std::string(sqlite3_db_filename(db.getHandle(), "main"))] {
                      SQLite::Database reader(file, SQLite::OPEN_READONLY, kReaderBusyMs);
                      return read_document_frequencies(reader);
                    });
}

void rebuild_stats(SQLite::Database& db, unsigned jobs) {
  rebuild_stats(db, jobs, document_frequencies(db, 1));
}

void rebuild_stats(SQLite::Database& db, unsigned jobs, std::future<DocumentFrequencies> counts) {
  db.exec(
      "DELETE FROM search_terms; DELETE FROM search_heads; DELETE FROM search_dead; "
      "DELETE FROM search_pending");
  const DocumentFrequencies df = counts.get();
  const IndexTotals totals = read_totals(db);
  StatsState state;
  state.valid = true;
  state.next_chunk = 2;
  state.reference_length = totals.rows == 0 ? 1.0 : totals.average_length();
  state.head_rule = kHeadRule;
  const HeadRule rule{state.reference_length, head_threshold(state.reference_length)};

  // The frequent terms get a head each, built one term at a time from the term's postings in
  // the index (fts5vocab's instances, in id order) and the articles' lengths as the index
  // counted them: nothing is tokenized again, and memory holds one term's candidates per
  // thread, whatever the size of the database.
  struct Frequent {
    const std::string* term;
    std::int64_t df;
  };
  std::vector<Frequent> frequent;
  for (const auto& [term, count] : df) {
    if (count >= kHeadMinDf) frequent.push_back({&term, count});
  }
  std::sort(frequent.begin(), frequent.end(),
            [](const Frequent& a, const Frequent& b) { return *a.term < *b.term; });
  const std::optional<std::vector<Length>> lengths =
      frequent.empty() ? std::nullopt : read_lengths(db);
  std::unordered_map<std::string_view, double> cuts;
  if (lengths) {
    SQLite::Statement head_row(
        db, "INSERT INTO search_heads(term, chunk, postings) VALUES (?1, 1, ?2)");
    const unsigned workers = reader_count(db, jobs);
    std::vector<std::unique_ptr<SQLite::Database>> connections(workers);
    std::vector<RawStatement> statements;
    for (unsigned i = 0; i < workers; ++i) statements.emplace_back(nullptr, sqlite3_finalize);
    util::ordered_parallel<BuiltHead>(
        frequent.size(), workers, util::Lookahead{static_cast<std::size_t>(workers) * 4},
        [&](std::size_t index, unsigned worker) {
          if (!statements[worker]) {
            SQLite::Database* source = &db;
            if (worker != 0) {
              connections[worker] =
                  std::make_unique<SQLite::Database>(sqlite3_db_filename(db.getHandle(), "main"),
                                                     SQLite::OPEN_READONLY, kReaderBusyMs);
              source = connections[worker].get();
            }
            statements[worker] = prepare_instances(*source);
          }
          const Frequent& f = frequent[index];
          return build_head(statements[worker].get(), *f.term, f.df, *lengths, rule);
        },
        [&](std::size_t index, BuiltHead&& head) {
          cuts.emplace(*frequent[index].term, head.cut);
          if (head.postings.empty()) return;
          head_row.reset();
          head_row.bind(1, *frequent[index].term);
          head_row.bind(2, head.postings.data(), static_cast<int>(head.postings.size()));
          head_row.exec();
        });
  }

  SQLite::Statement term_row(db, "INSERT INTO search_terms(term, df, cut) VALUES (?1, ?2, ?3)");
  for (const auto& [term, count] : df) {
    term_row.reset();
    term_row.bind(1, term);
    term_row.bind(2, static_cast<std::int64_t>(count));
    const auto cut = cuts.find(term);
    if (cut == cuts.end()) {
      term_row.bind(3);
    } else {
      term_row.bind(3, cut->second);
    }
    term_row.exec();
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
  SQLite::Statement chunks(
      db, "SELECT chunk, postings FROM search_heads WHERE term = ?1 ORDER BY chunk");
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
