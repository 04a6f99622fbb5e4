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

// Articles scored from their text before the search gives up on the heads: at least
// kMinResolved, more when the query matches many articles. Scoring one from its text (about
// 14 us at 1M articles) costs what rank_all() spends on 4 matches (3.4 us each), or on 1.5
// when filters join the articles (10 us each) ...
constexpr std::size_t kMinResolved = 256;
constexpr double kMatchesPerResolved = 4;
constexpr double kFilteredMatchesPerResolved = 1.5;
// ... of the best kOpenPerResolved times as many bounds (the filters reject some) ...
constexpr std::size_t kOpenPerResolved = 16;
// ... a batch at a time; the filters are asked about twice as many each time, up to
// kFilterBatch at once (a statement of theirs has a cost of its own, that of a few dozen
// articles).
constexpr std::size_t kResolvedBatch = 64;
constexpr std::size_t kFilterBatch = 512;
// Queries of up to this many distinct terms choose the heads they go through for the articles
// found in some heads only (2^k sets of heads are looked at).
constexpr std::size_t kMaxDriverTerms = 6;

// The heads' articles are found through a bit per id, from the smallest id in any head to
// the largest: at most this many bits for all the terms together (32 MiB, and half as much
// again for the counts). Ids spread wider than that (a database of hundreds of millions of
// rows, or rowids set by hand) are ranked by rank_all().
constexpr std::uint64_t kMaxHeadBits = std::uint64_t{1} << 28;

// A distinct term of the query, with its head.
struct HeadTerm {
  std::string term;
  double weight = 0;          // sum of the IDF of the phrases that are this term
  double bound = 0;           // best score part of any posting not in the head
  std::vector<Posting> head;  // id order, each article once
};

// What is known of an article met in the heads.
struct Candidate {
  std::vector<std::uint32_t> frequency;  // per term
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

// Scores articles from their text, exactly as bm25() would.
class TextScorer {
 public:
  TextScorer(SQLite::Database& db, Tokenizer& tokenizer, std::vector<std::string> names,
             const std::vector<double>& phrase_idf, const std::vector<std::size_t>& phrase_term,
             double average)
      : text_(db,
              "SELECT title, excerpt, body_text, topics_text, provider_name "
              "FROM articles WHERE id = ?1"),
        tokenizer_(tokenizer),
        names_(std::move(names)),
        phrase_idf_(phrase_idf),
        phrase_term_(phrase_term),
        average_(average) {}

  /// The article's hit, or nullopt when it lacks a term (or was deleted meanwhile).
  std::optional<ScoredId> score(std::int64_t id) {
    text_.reset();
    text_.bind(1, id);
    if (!text_.executeStep()) return std::nullopt;
    const TermCounts counts = count_terms(tokenizer_, indexed_columns(text_, 0), names_);
    if (std::find(counts.frequency.begin(), counts.frequency.end(), 0u) != counts.frequency.end()) {
      return std::nullopt;  // every term must be there
    }
    candidate_.frequency = counts.frequency;
    candidate_.length = counts.length;
    return ScoredId{id, score_of(phrase_idf_, phrase_term_, candidate_, average_)};
  }

 private:
  SQLite::Statement text_;
  Tokenizer& tokenizer_;
  std::vector<std::string> names_;
  const std::vector<double>& phrase_idf_;
  const std::vector<std::size_t>& phrase_term_;
  double average_;
  Candidate candidate_;
};

// Of `hits` (best first), the first `limit` that `kept_by_filters` keeps: the filters are
// asked a batch at a time (a statement of theirs has a cost of its own), until enough are.
template <typename KeptByFilters>
std::vector<ScoredId> first_kept(const std::vector<ScoredId>& hits, std::size_t limit,
                                 KeptByFilters&& kept_by_filters) {
  std::vector<ScoredId> out;
  const std::size_t batch = std::max<std::size_t>(limit * 4, 64);
  for (std::size_t from = 0; from < hits.size() && out.size() < limit; from += batch) {
    const std::size_t end = std::min(hits.size(), from + batch);
    std::vector<std::int64_t> ids;
    for (std::size_t k = from; k < end; ++k) ids.push_back(hits[k].id);
    const std::unordered_set<std::int64_t> ok = kept_by_filters(std::move(ids));
    for (std::size_t k = from; k < end && out.size() < limit; ++k) {
      if (ok.count(hits[k].id) != 0) out.push_back(hits[k]);
    }
  }
  return out;
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

void RankScratch::trim() {
  std::size_t held = 0;
  for (const auto& head : heads) held += head.capacity() * sizeof(Posting);
  for (const HeadBits& b : bits) held += b.bytes();
  if (held > kMaxBytes) *this = RankScratch();
}

std::optional<std::vector<ScoredId>> rank_from_heads(SQLite::Database& db, Tokenizer& tokenizer,
                                                     const RankRequest& request,
                                                     RankScratch& scratch) {
  const StatsState state = read_state(db);
  const IndexTotals totals = read_totals(db);
  const double average = totals.average_length();
  if (request.terms.empty() || totals.rows == 0) return std::vector<ScoredId>{};

  // Distinct terms, each with its head; the phrases of the query point at them.
  std::vector<HeadTerm> terms;
  // The heads' memory comes from the scratch and goes back to it, whatever the way out.
  struct GiveBack {
    RankScratch& scratch;
    std::vector<HeadTerm>& terms;
    ~GiveBack() {
      try {
        for (HeadTerm& t : terms) {
          t.head.clear();
          scratch.heads.push_back(std::move(t.head));
        }
        scratch.trim();
      } catch (...) {
        scratch = RankScratch();  // out of memory: keep none
      }
    }
  } give_back{scratch, terms};
  std::vector<std::size_t> phrase_term;
  std::vector<double> phrase_idf;
  std::vector<double> cuts;
  // As many as if the terms were found independently of one another.
  double expected_matches = static_cast<double>(totals.rows);
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
      expected_matches *=
          static_cast<double>(info.getColumn(0).getInt64()) / static_cast<double>(totals.rows);
      HeadTerm head_term;
      if (!scratch.heads.empty()) {
        head_term.head = std::move(scratch.heads.back());
        scratch.heads.pop_back();
      }
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
    t.head.erase(std::unique(t.head.begin(), t.head.end(),
                             [](const Posting& a, const Posting& b) { return a.id == b.id; }),
                 t.head.end());
  }

  // An article in every head is scored exactly; one missing from a head gets, for that term,
  // the most a posting outside the head can score.
  double unseen_bound = 0;
  for (const HeadTerm& t : terms) unseen_bound += t.bound;
  if (terms.size() > 32) return std::nullopt;
  const std::uint32_t all = terms.size() == 32 ? ~0u : (1u << terms.size()) - 1;
  std::int64_t low = std::numeric_limits<std::int64_t>::max();
  std::int64_t high = std::numeric_limits<std::int64_t>::min();
  for (const HeadTerm& t : terms) {
    if (t.head.empty()) continue;
    low = std::min(low, t.head.front().id);
    high = std::max(high, t.head.back().id);
  }
  // The shortest head, whose articles include every one found in all heads.
  std::size_t shortest = 0;
  for (std::size_t i = 1; i < terms.size(); ++i) {
    if (terms[i].head.size() < terms[shortest].head.size()) shortest = i;
  }
  // Bits for every head but the shortest, which is gone through rather than looked up
  // (its bits are made only if the articles of another head need them). One term alone
  // needs none: its head is all there is.
  std::vector<HeadBits>& bits = scratch.bits;
  std::uint64_t span = 0;  // ids from low to high
  if (terms.size() > 1 && low <= high) {
    // high - low, exact in 64 unsigned bits whatever the signs.
    const std::uint64_t distance =
        static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (distance >= kMaxHeadBits / terms.size()) return std::nullopt;
    span = distance + 1;
    if (bits.size() < terms.size()) bits.resize(terms.size());
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i == shortest) {
        bits[i].reset({}, low, 0);
      } else {
        bits[i].reset(terms[i].head, low, span);
      }
    }
  }
  std::vector<const std::vector<Posting>*> heads;
  for (const HeadTerm& t : terms) heads.push_back(&t.head);
  std::vector<std::uint32_t> frequency(terms.size(), 0);
  // Calls `visit(id, known, length)` for each article found in the head of a term of
  // `drivers` whose set of heads `wanted(known)` accepts, with `frequency` set for the terms
  // known.
  auto each_wanted = [&](std::uint32_t drivers, auto&& wanted, auto&& visit) {
    each_article(heads, bits, drivers,
                 [&](const Posting& posting, std::uint32_t known, std::size_t driver) {
                   if (!wanted(known)) return;
                   for (std::size_t i = 0; i < terms.size(); ++i) {
                     if (i == driver) {
                       frequency[i] = posting.frequency;
                     } else if ((known >> i & 1u) != 0) {
                       frequency[i] = terms[i].head[bits[i].find(posting.id)].frequency;
                     }
                   }
                   visit(posting.id, known, posting.length);
                 });
  };
  // Without filters only the best `limit` complete ones matter: a heap keeps them (its top
  // is the worst kept). With filters all are kept, to be asked about best first.
  std::vector<ScoredId> complete;
  Candidate c;
  c.frequency.assign(terms.size(), 0);
  auto worse_first = [](const ScoredId& a, const ScoredId& b) { return ranks_before(a, b); };
  auto in_all = [&](std::uint32_t known) { return known == all; };
  each_wanted(1u << shortest, in_all, [&](std::int64_t id, std::uint32_t, std::uint32_t length) {
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

  // The page so far: the best `limit` hits the filters keep; its worst is the bar to enter.
  std::vector<ScoredId> best;
  auto keep = [&](const std::vector<ScoredId>& hits) {
    best.insert(best.end(), hits.begin(), hits.end());
    std::sort(best.begin(), best.end(), ranks_before);
    if (best.size() > request.limit) best.resize(request.limit);
  };
  // Those of `ids` the filters keep.
  std::size_t asked_in_all = 0;
  std::size_t kept_in_all = 0;
  auto kept_by_filters = [&](std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    const std::vector<std::int64_t> kept = request.accept(ids);
    asked_in_all += ids.size();
    kept_in_all += kept.size();
    return std::unordered_set<std::int64_t>(kept.begin(), kept.end());
  };
  auto few_kept = [&] {
    if (!request.give_up_when_few_kept) return false;
    return (asked_in_all >= request.give_up_after && kept_in_all * kFewKeptOf < asked_in_all) ||
           (request.give_up_now && request.give_up_now());
  };
  std::sort(complete.begin(), complete.end(), ranks_before);
  if (!request.accept) {
    keep(complete);
  } else {
    keep(first_kept(complete, request.limit, kept_by_filters));
  }
  const double inf = std::numeric_limits<double>::infinity();
  auto bar = [&] { return best.size() == request.limit ? best.back().score : inf; };
  // A score part `part` could still make the page (a tie included) unless -part is worse.
  auto could_enter = [&](double part) { return -part <= bar(); };
  // Past a budget set by the matches expected, ranking every match is cheaper. The filters
  // are asked first, so that only the articles they keep count. When few articles match and
  // the page is open to those outside every head, ranking them all is cheaper at once.
  const double per_resolved = request.accept ? kFilteredMatchesPerResolved : kMatchesPerResolved;
  std::size_t budget = static_cast<std::size_t>(expected_matches / per_resolved);
  if (budget < kMinResolved && could_enter(unseen_bound)) return std::nullopt;
  budget = std::max(budget, kMinResolved);

  // Articles in some heads only: those that could still make the page are scored from their
  // text, best bound first, until the page is full and its bar is out of their reach. A cheap bound
  // (a known term scores at most its weight times k1 + 1) rules most of them out before the exact
  // one is computed.
  struct Open {
    std::int64_t id;
    double best_part;
  };
  std::vector<Open> open;
  if (terms.size() > 1) {
    // The heads an article is in decide its cheap bound: only the sets of heads whose cheap
    // bound could enter matter. Each of them holds a term of `drivers`, the set of terms
    // with the fewest postings between them that meets them all: going through the heads of
    // the drivers alone finds every article that could enter. Usually one term is enough;
    // a query whose page is already full may need none.
    const std::size_t k = terms.size();
    std::uint32_t drivers = all;
    auto cheap_bound = [&](std::uint32_t known) {
      double cheap = 0;
      for (std::size_t i = 0; i < k; ++i) {
        cheap += (known >> i & 1u) != 0 ? terms[i].weight * (kK1 + 1) : terms[i].bound;
      }
      return cheap;
    };
    // Whether each set of heads could enter, when there are few enough sets to look them
    // all up: the bar does not move while the open articles are collected.
    std::vector<bool> set_could_enter;
    if (k <= kMaxDriverTerms) {
      std::vector<std::uint32_t> could_enter_sets;
      set_could_enter.assign(std::size_t{all} + 1, false);
      for (std::uint32_t known = 1; known < all; ++known) {
        if (could_enter(cheap_bound(known))) {
          could_enter_sets.push_back(known);
          set_could_enter[known] = true;
        }
      }
      std::size_t fewest = std::numeric_limits<std::size_t>::max();
      for (std::uint32_t set = 0; set <= all; ++set) {
        if (!std::all_of(could_enter_sets.begin(), could_enter_sets.end(),
                         [&](std::uint32_t known) { return (known & set) != 0; })) {
          continue;
        }
        std::size_t postings = 0;
        for (std::size_t i = 0; i < k; ++i) {
          if ((set >> i & 1u) != 0) postings += terms[i].head.size();
        }
        if (postings < fewest) {
          fewest = postings;
          drivers = set;
        }
      }
    }
    auto may_enter = [&](std::uint32_t known) {
      if (known == all) return false;
      return set_could_enter.empty() ? could_enter(cheap_bound(known)) : set_could_enter[known];
    };
    if (span > 0 && (drivers & ~(1u << shortest)) != 0) {
      bits[shortest].reset(terms[shortest].head, low, span);
    }
    // bm25's length part, K = k1 (1 - b + b L / average), as K0 + K1 L: the division by the
    // average once per query, the length part once per article. The rounding then differs
    // from term_score()'s, which the margin covers (the bound must hold).
    const double k0 = kK1 * (1 - kB);
    const double k1_per_token = kK1 * kB / average;
    constexpr double kMargin = 1 + 1e-9;
    each_wanted(drivers, may_enter,
                [&](std::int64_t id, std::uint32_t known, std::uint32_t length) {
                  const double length_part = k0 + k1_per_token * length;
                  double part = 0;
                  for (std::size_t i = 0; i < terms.size(); ++i) {
                    if ((known >> i & 1u) != 0) {
                      const double f = frequency[i];
                      part += terms[i].weight * (f * (kK1 + 1)) / (f + length_part);
                    } else {
                      part += terms[i].bound;
                    }
                  }
                  part *= kMargin;
                  if (could_enter(part)) open.push_back({id, part});
                });
  }
  const std::size_t considered = budget * kOpenPerResolved;
  auto better_bound = [](const Open& a, const Open& b) { return a.best_part > b.best_part; };
  if (open.size() > considered) {
    // Only the best bounds are considered; if one beyond them could still enter, give up.
    std::nth_element(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(considered),
                     open.end(), better_bound);
    open.resize(considered + 1);
  }
  // Sorted a block at a time: most searches stop within the first few hundred. The blocks
  // double, so that a search that goes on through many of them partitions the rest of the
  // list a few times only, not once per block (each pass costs all of what is left).
  std::size_t sorted = 0;  // open[0, sorted) holds the best bounds, in order
  auto sort_until = [&](std::size_t count) {
    count = std::min(open.size(), std::max({count, sorted + kFilterBatch, 2 * sorted}));
    if (count <= sorted) return;
    if (count < open.size()) {
      std::nth_element(open.begin() + static_cast<std::ptrdiff_t>(sorted),
                       open.begin() + static_cast<std::ptrdiff_t>(count), open.end(), better_bound);
    }
    std::sort(open.begin() + static_cast<std::ptrdiff_t>(sorted),
              open.begin() + static_cast<std::ptrdiff_t>(count), better_bound);
    sorted = count;
  };
  std::vector<std::string> names;
  for (const HeadTerm& t : terms) names.push_back(t.term);
  TextScorer text(db, tokenizer, std::move(names), phrase_idf, phrase_term, average);
  std::size_t resolved = 0;
  std::size_t next = 0;
  std::size_t asked = 0;             // the filters have been asked about open[0, asked) ...
  std::size_t ask = kResolvedBatch;  // ... and are asked about this many more next time
  std::unordered_set<std::int64_t> ok;
  while (true) {
    sort_until(next + 1);
    if (next == open.size() || !could_enter(open[next].best_part)) break;
    if (next == considered) return std::nullopt;
    const std::size_t end = std::min({open.size(), considered, next + kResolvedBatch});
    sort_until(end);
    if (request.accept && asked < end) {
      asked = std::min({open.size(), considered, next + ask});
      ask = std::min(ask * 2, kFilterBatch);
      sort_until(asked);
      std::vector<std::int64_t> ids;
      for (std::size_t k = next; k < asked; ++k) ids.push_back(open[k].id);
      ok = kept_by_filters(std::move(ids));
      if (few_kept()) return std::nullopt;
    }
    std::vector<ScoredId> found;
    for (; next < end && could_enter(open[next].best_part); ++next) {
      const std::int64_t id = open[next].id;
      if (request.accept && ok.count(id) == 0) continue;
      if (++resolved > budget) return std::nullopt;
      const std::optional<ScoredId> hit = text.score(id);
      if (hit && (!request.after || ranks_before(*request.after, *hit))) found.push_back(*hit);
    }
    keep(found);
  }
  if (could_enter(unseen_bound)) return std::nullopt;  // articles outside every head might
  return best;
}

namespace {

// The first `request.limit` of `matched`, best first, that `request.accept` keeps.
std::vector<ScoredId> best_kept(std::vector<ScoredId> matched, const RankRequest& request) {
  std::sort(matched.begin(), matched.end(), ranks_before);
  if (!request.accept) {
    if (matched.size() > request.limit) matched.resize(request.limit);
    return matched;
  }
  return first_kept(matched, request.limit, [&](std::vector<std::int64_t> asked) {
    std::sort(asked.begin(), asked.end());
    const std::vector<std::int64_t> kept = request.accept(asked);
    return std::unordered_set<std::int64_t>(kept.begin(), kept.end());
  });
}

}  // namespace

std::vector<ScoredId> rank_among(SQLite::Database& db, Tokenizer& tokenizer,
                                 const RankRequest& request, const std::vector<std::int64_t>& ids) {
  const IndexTotals totals = read_totals(db);
  const double average = totals.average_length();
  std::vector<std::string> names;  // distinct terms
  std::vector<std::size_t> phrase_term;
  std::vector<double> phrase_idf;
  for (const std::string& term : request.terms) {
    auto it = std::find(names.begin(), names.end(), term);
    if (it == names.end()) it = names.insert(names.end(), term);
    phrase_term.push_back(static_cast<std::size_t>(it - names.begin()));
    phrase_idf.push_back(idf(totals.rows, document_frequency(db, term)));
  }
  TextScorer text(db, tokenizer, std::move(names), phrase_idf, phrase_term, average);
  std::vector<ScoredId> matched;
  for (const std::int64_t id : ids) {
    const std::optional<ScoredId> hit = text.score(id);
    if (hit && (!request.after || ranks_before(*request.after, *hit))) matched.push_back(*hit);
  }
  return best_kept(std::move(matched), request);
}

namespace {

// rank_all() over rows that `next(id, stats)` gives one by one (false after the last).
template <typename NextRow>
std::vector<ScoredId> rank_rows(SQLite::Database& db, const RankRequest& request, NextRow&& next) {
  const IndexTotals totals = read_totals(db);
  const double average = totals.average_length();
  std::vector<double> phrase_idf;
  for (const std::string& term : request.terms) {
    phrase_idf.push_back(idf(totals.rows, document_frequency(db, term)));
  }
  std::vector<ScoredId> best;
  std::int64_t id = 0;
  std::string_view stats;
  std::vector<double> data;
  while (next(id, stats)) {
    const std::size_t values = stats.size() / sizeof(double);
    if (values < phrase_idf.size() + 1) continue;  // phrases past the terms are not scored
    data.resize(values);
    std::memcpy(data.data(), stats.data(), values * sizeof(double));
    double score = 0.0;
    for (std::size_t p = 0; p < phrase_idf.size(); ++p) {
      score += term_score(phrase_idf[p], data[p + 1], data[0], average);
    }
    const ScoredId hit{id, -1.0 * score};
    if (request.after && !ranks_before(*request.after, hit)) continue;
    best.push_back(hit);
    // Keep the list short, unless the filters are still to be asked.
    if (!request.accept && best.size() >= 4 * request.limit + 64) {
      std::nth_element(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(request.limit),
                       best.end(), ranks_before);
      best.resize(request.limit);
    }
  }
  return best_kept(std::move(best), request);
}

}  // namespace

std::vector<ScoredId> rank_all(SQLite::Database& db, SQLite::Statement& rows,
                               const RankRequest& request) {
  return rank_rows(db, request, [&](std::int64_t& id, std::string_view& stats) {
    if (!rows.executeStep()) return false;
    id = rows.getColumn(0).getInt64();
    const SQLite::Column blob = rows.getColumn(1);
    stats = std::string_view(static_cast<const char*>(blob.getBlob()),
                             static_cast<std::size_t>(blob.getBytes()));
    return true;
  });
}

std::vector<ScoredId> rank_all(SQLite::Database& db, sqlite3_stmt* rows,
                               const RankRequest& request) {
  return rank_rows(db, request, [&](std::int64_t& id, std::string_view& stats) {
    const int rc = sqlite3_step(rows);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW) throw SQLite::Exception(db.getHandle(), rc);
    id = sqlite3_column_int64(rows, 0);
    const void* blob = sqlite3_column_blob(rows, 1);
    stats = std::string_view(static_cast<const char*>(blob),
                             static_cast<std::size_t>(sqlite3_column_bytes(rows, 1)));
    return true;
  });
}

}  // namespace articledb::search
