#include "search/ranker.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "search/article_terms.h"
#include "search/heads.h"
#include "search/stats.h"

namespace articledb::search {
namespace {

// Articles scored from their text before the search gives up on the heads.
constexpr std::size_t kMaxResolved = 1024;

// A distinct term of the query, with its head.
struct HeadTerm {
  std::string term;
  double weight = 0;          // sum of the IDF of the phrases that are this term
  double bound = 0;           // best score part of any posting not in the head
  std::vector<Posting> head;  // id order
  std::size_t next = 0;       // merge position
};

// What is known of an article met in the heads.
struct Candidate {
  std::vector<std::uint32_t> frequency;  // per term
  std::vector<bool> known;
  std::uint32_t length = 0;
};

// The article's score as bm25() computes it: phrase by phrase, in the query's order, negated.
double score_of(const std::vector<double>& phrase_idf, const std::vector<std::size_t>& phrase_term,
                const Candidate& c, double average) {
  double score = 0.0;
  for (std::size_t p = 0; p < phrase_idf.size(); ++p) {
    score += term_score(phrase_idf[p], c.frequency[phrase_term[p]], c.length, average);
  }
  return -1.0 * score;
}

}  // namespace

std::int64_t document_frequency(SQLite::Database& db, const std::string& term) {
  SQLite::Statement q(db, "SELECT df FROM search_terms WHERE term = ?1");
  q.bind(1, term);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

bool stats_usable(SQLite::Database& db) {
  if (!read_state(db).valid) return false;
  return db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM search_pending)").getInt() != 0;
}

std::optional<std::vector<ScoredId>> rank_from_heads(SQLite::Database& db, Tokenizer& tokenizer,
                                                     const RankRequest& request) {
  const StatsState state = read_state(db);
  const IndexTotals totals = read_totals(db);
  const double average = totals.average_length();
  if (request.terms.empty() || totals.rows == 0) return std::vector<ScoredId>{};

  // Distinct terms, each with its head; the phrases of the query point at them.
  std::vector<HeadTerm> terms;
  std::vector<std::size_t> phrase_term;
  std::vector<double> phrase_idf;
  std::vector<double> cuts;
  SQLite::Statement info(db, "SELECT df, cut FROM search_terms WHERE term = ?1");
  for (const std::string& term : request.terms) {
    auto it =
        std::find_if(terms.begin(), terms.end(), [&](const HeadTerm& t) { return t.term == term; });
    info.reset();
    info.bind(1, term);
    if (!info.executeStep()) return std::vector<ScoredId>{};  // no article holds it
    const double term_idf = idf(totals.rows, info.getColumn(0).getInt64());
    if (it == terms.end()) {
      if (info.getColumn(1).isNull()) return std::nullopt;  // a rare term: no head
      HeadTerm head_term;
      head_term.term = term;
      cuts.push_back(info.getColumn(1).getDouble());
      terms.push_back(std::move(head_term));
      it = terms.end() - 1;
    }
    it->weight += term_idf;
    phrase_term.push_back(static_cast<std::size_t>(it - terms.begin()));
    phrase_idf.push_back(term_idf);
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    terms[i].bound = tail_bound(terms[i].weight, cuts[i], state.reference_length, average);
  }

  // The heads in id order, without the postings of articles changed since their chunk.
  std::unordered_map<std::int64_t, std::int64_t> dead;
  {
    SQLite::Statement q(db, "SELECT id, chunk FROM search_dead");
    while (q.executeStep()) dead.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  }
  SQLite::Statement chunks(
      db, "SELECT chunk, postings FROM search_heads WHERE term = ?1 ORDER BY chunk");
  for (HeadTerm& t : terms) {
    chunks.reset();
    chunks.bind(1, t.term);
    std::vector<std::size_t> runs;  // starts of the sorted runs, one per chunk
    while (chunks.executeStep()) {
      const std::int64_t chunk = chunks.getColumn(0).getInt64();
      const SQLite::Column blob = chunks.getColumn(1);
      runs.push_back(t.head.size());
      const std::size_t first = t.head.size();
      t.head.reserve(first + static_cast<std::size_t>(blob.getBytes()) / 4);
      decode_postings(std::string_view(static_cast<const char*>(blob.getBlob()),
                                       static_cast<std::size_t>(blob.getBytes())),
                      t.head);
      if (!dead.empty()) {
        auto end = std::remove_if(t.head.begin() + static_cast<std::ptrdiff_t>(first), t.head.end(),
                                  [&](const Posting& p) {
                                    auto it = dead.find(p.id);
                                    return it != dead.end() && chunk < it->second;
                                  });
        t.head.erase(end, t.head.end());
      }
    }
    for (std::size_t r = 1; r < runs.size(); ++r) {
      const auto end = r + 1 < runs.size() ? runs[r + 1] : t.head.size();
      std::inplace_merge(t.head.begin(), t.head.begin() + static_cast<std::ptrdiff_t>(runs[r]),
                         t.head.begin() + static_cast<std::ptrdiff_t>(end),
                         [](const Posting& a, const Posting& b) { return a.id < b.id; });
    }
  }

  // One pass over the heads in id order: an article in every head is scored exactly; one
  // missing from a head gets, for that term, the most a posting outside the head can score.
  double unseen_bound = 0;
  for (const HeadTerm& t : terms) unseen_bound += t.bound;
  // Merges the heads in id order, calling `visit(id, known, frequency, length)` for each
  // article found in any of them (bit i of `known`: found in the head of term i).
  if (terms.size() > 32) return std::nullopt;
  const std::uint32_t all = terms.size() == 32 ? ~0u : (1u << terms.size()) - 1;
  std::vector<std::uint32_t> frequency(terms.size(), 0);
  auto merge = [&](auto&& visit) {
    for (HeadTerm& t : terms) t.next = 0;
    while (true) {
      std::int64_t id = std::numeric_limits<std::int64_t>::max();
      for (const HeadTerm& t : terms) {
        if (t.next < t.head.size()) id = std::min(id, t.head[t.next].id);
      }
      if (id == std::numeric_limits<std::int64_t>::max()) break;
      std::uint32_t known = 0;
      std::uint32_t length = 0;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        HeadTerm& t = terms[i];
        if (t.next < t.head.size() && t.head[t.next].id == id) {
          const Posting& posting = t.head[t.next++];
          frequency[i] = posting.frequency;
          length = posting.length;
          known |= 1u << i;
        }
      }
      visit(id, known, length);
    }
  };
  // Without filters only the best `limit` complete ones matter: a heap keeps them (its top
  // is the worst kept). With filters all are kept, to be asked about best first.
  std::vector<ScoredId> complete;
  Candidate c;
  c.frequency.assign(terms.size(), 0);
  c.known.assign(terms.size(), true);
  auto worse_first = [](const ScoredId& a, const ScoredId& b) { return ranks_before(a, b); };
  merge([&](std::int64_t id, std::uint32_t known, std::uint32_t length) {
    if (known != all) return;
    for (std::size_t i = 0; i < terms.size(); ++i) c.frequency[i] = frequency[i];
    c.length = length;
    const ScoredId hit{id, score_of(phrase_idf, phrase_term, c, average)};
    if (request.after && !ranks_before(*request.after, hit)) return;
    if (request.accept) {
      complete.push_back(hit);
    } else if (complete.size() < request.limit) {
      complete.push_back(hit);
      std::push_heap(complete.begin(), complete.end(), worse_first);
    } else if (ranks_before(hit, complete.front())) {
      std::pop_heap(complete.begin(), complete.end(), worse_first);
      complete.back() = hit;
      std::push_heap(complete.begin(), complete.end(), worse_first);
    }
  });

  // The filters keep some of the complete ones; the bar is the worst of the best `limit`.
  auto after_cursor = [&](const ScoredId& hit) {
    return !request.after || ranks_before(*request.after, hit);
  };
  std::vector<ScoredId> best;
  auto take = [&](std::vector<ScoredId> hits) {
    std::vector<ScoredId> kept;
    for (const ScoredId& hit : hits) {
      if (after_cursor(hit)) kept.push_back(hit);
    }
    if (!request.accept) {
      const std::size_t keep = std::min(kept.size(), request.limit);
      std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(keep), kept.end(),
                        ranks_before);
      kept.resize(keep);
    } else {
      std::sort(kept.begin(), kept.end(), ranks_before);
    }
    if (request.accept) {
      // Ask about the best first, a page at a time, until the page is full.
      std::size_t from = 0;
      while (from < kept.size() && best.size() < request.limit) {
        const std::size_t count =
            std::min(kept.size() - from, std::max<std::size_t>(request.limit * 4, 64));
        std::vector<std::int64_t> ids;
        for (std::size_t k = from; k < from + count; ++k) ids.push_back(kept[k].id);
        std::sort(ids.begin(), ids.end());
        const std::vector<std::int64_t> accepted = request.accept(ids);
        const std::unordered_set<std::int64_t> ok(accepted.begin(), accepted.end());
        for (std::size_t k = from; k < from + count; ++k) {
          if (ok.count(kept[k].id) != 0) best.push_back(kept[k]);
        }
        from += count;
      }
    } else {
      best.insert(best.end(), kept.begin(), kept.end());
    }
    std::sort(best.begin(), best.end(), ranks_before);
    if (best.size() > request.limit) best.resize(request.limit);
  };
  take(std::move(complete));
  const double inf = std::numeric_limits<double>::infinity();
  auto bar = [&] { return best.size() == request.limit ? best.back().score : inf; };
  // A score part `part` could still make the page (a tie included) unless -part is worse.
  auto could_enter = [&](double part) { return -part <= bar(); };
  if (could_enter(unseen_bound)) return std::nullopt;  // articles outside every head might

  // Articles in some heads only: those that could still make the page are scored from their
  // text, best bound first. A cheap bound (a known term scores at most its weight times
  // k1 + 1) rules most of them out before the exact one is computed.
  struct Open {
    std::int64_t id;
    double best_part;
  };
  std::vector<Open> open;
  if (terms.size() > 1) {
    merge([&](std::int64_t id, std::uint32_t known, std::uint32_t length) {
      if (known == all) return;
      double cheap = 0;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        cheap += (known >> i & 1u) != 0 ? terms[i].weight * 2.2 : terms[i].bound;
      }
      if (!could_enter(cheap)) return;
      double part = 0;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        part += (known >> i & 1u) != 0 ? term_score(terms[i].weight, frequency[i], length, average)
                                       : terms[i].bound;
      }
      if (could_enter(part)) open.push_back({id, part});
    });
  }
  auto better_bound = [](const Open& a, const Open& b) { return a.best_part > b.best_part; };
  if (open.size() > kMaxResolved) {
    // Only the best bounds can be scored; if one beyond them could still enter, give up.
    std::nth_element(open.begin(), open.begin() + kMaxResolved, open.end(), better_bound);
    open.resize(kMaxResolved + 1);
  }
  std::sort(open.begin(), open.end(), better_bound);
  SQLite::Statement text(db,
                         "SELECT title, excerpt, body_text, topics_text, provider_name "
                         "FROM articles WHERE id = ?1");
  std::size_t resolved = 0;
  std::vector<ScoredId> found;
  for (const Open& partial : open) {
    if (!could_enter(partial.best_part)) break;
    if (++resolved > kMaxResolved) return std::nullopt;
    text.reset();
    text.bind(1, partial.id);
    if (!text.executeStep()) continue;  // deleted meanwhile
    const ArticleTerms article = article_terms(tokenizer, indexed_columns(text, 0));
    Candidate r;
    r.frequency.assign(terms.size(), 0);
    r.known.assign(terms.size(), true);
    r.length = article.length;
    bool matches = true;
    for (std::size_t i = 0; i < terms.size() && matches; ++i) {
      auto it = std::lower_bound(
          article.terms.begin(), article.terms.end(), terms[i].term,
          [](const auto& entry, const std::string& term) { return entry.first < term; });
      matches = it != article.terms.end() && it->first == terms[i].term;
      if (matches) r.frequency[i] = it->second;
    }
    if (!matches) continue;  // every term must be there
    found.push_back({partial.id, score_of(phrase_idf, phrase_term, r, average)});
    if (found.size() >= 64) {
      take(std::move(found));
      found.clear();
    }
  }
  take(std::move(found));
  return best;
}

std::vector<ScoredId> rank_all(SQLite::Database& db, SQLite::Statement& rows,
                               const RankRequest& request) {
  const IndexTotals totals = read_totals(db);
  const double average = totals.average_length();
  std::vector<double> phrase_idf;
  for (const std::string& term : request.terms) {
    phrase_idf.push_back(idf(totals.rows, document_frequency(db, term)));
  }
  std::vector<ScoredId> best;
  while (rows.executeStep()) {
    const std::int64_t id = rows.getColumn(0).getInt64();
    const SQLite::Column stats = rows.getColumn(1);
    const std::size_t values = static_cast<std::size_t>(stats.getBytes()) / sizeof(double);
    if (values != phrase_idf.size() + 1) continue;
    std::vector<double> data(values);
    std::memcpy(data.data(), stats.getBlob(), values * sizeof(double));
    double score = 0.0;
    for (std::size_t p = 0; p < phrase_idf.size(); ++p) {
      score += term_score(phrase_idf[p], data[p + 1], data[0], average);
    }
    const ScoredId hit{id, -1.0 * score};
    if (request.after && !ranks_before(*request.after, hit)) continue;
    best.push_back(hit);
    if (best.size() >= 4 * request.limit + 64) {  // keep the list short
      std::nth_element(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(request.limit),
                       best.end(), ranks_before);
      best.resize(request.limit);
    }
  }
  const std::size_t keep = std::min(best.size(), request.limit);
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(keep), best.end(),
                    ranks_before);
  best.resize(keep);
  return best;
}

}  // namespace articledb::search
