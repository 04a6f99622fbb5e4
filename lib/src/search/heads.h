// Heads of frequent terms: for a term, the articles where it scores highest on its own, with
// what bm25 needs to score them exactly (weighted frequency, article length), in id order so
// that the heads of several terms merge in one pass.
#ifndef ARTICLEDB_SEARCH_HEADS_H_
#define ARTICLEDB_SEARCH_HEADS_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/bm25.h"

namespace articledb::search {

struct Posting {
  std::int64_t id = 0;          ///< article
  std::uint32_t frequency = 0;  ///< weighted: the sum of the column weights of its instances
  std::uint32_t length = 0;     ///< the article's tokens in all columns
};

/// How well a posting scores on its own, without IDF: bm25's term part for an average
/// length of `reference_length`. A head holds a term's postings of highest impact.
inline double impact(const Posting& p, double reference_length) {
  return term_score(1.0, p.frequency, p.length, reference_length);
}

/// Heads hold the postings of a term whose impact is at least this fraction of the impact
/// of one title instance in an article of reference length...
inline constexpr double kHeadThreshold = 1.0;
/// ... the best kMaxHead of them, and at least the best min_head(df) postings whatever their
/// impact (a frequent term found only in bodies or topics has postings of low impact only) ...
inline constexpr std::size_t kMaxHead = 65'536;
inline constexpr std::size_t kMinHead = 4096;
/// ... that is kMinHead, or one posting in kMinHeadShare of the term's articles when that is
/// more (up to kMaxHead): the heads of several frequent terms then share enough articles for
/// a query of them all to fill its page from the articles found in every head ...
inline constexpr std::int64_t kMinHeadShare = 8;
inline std::size_t min_head(std::int64_t df) {
  return std::clamp(static_cast<std::size_t>(std::max<std::int64_t>(df, 0) / kMinHeadShare),
                    kMinHead, kMaxHead);
}
/// The rule the heads are built by, kept with the statistics: an import rebuilds heads that
/// an older rule built (1: at least kMinHead postings; 2: at least min_head(df)).
inline constexpr std::int64_t kHeadRule = 2;
/// ... for terms found in at least this many articles (rarer terms are ranked from the
/// full-text index directly: few matches).
inline constexpr std::int64_t kHeadMinDf = 2048;

/// The impact below which postings stay out of heads.
inline double head_threshold(double reference_length) {
  Posting title_once{0, static_cast<std::uint32_t>(kColumnWeights[0]), 0};
  title_once.length = static_cast<std::uint32_t>(reference_length + 0.5);
  return kHeadThreshold * impact(title_once, reference_length);
}

/// A chunk of a head as stored: for each posting in id order, the varints of its id (less the
/// previous one), frequency and length. `postings` must be in id order.
std::string encode_postings(const std::vector<Posting>& postings);
/// Appends the postings of `blob` to `out`; false if the blob is malformed.
bool decode_postings(std::string_view blob, std::vector<Posting>& out);

/// Which articles a head holds, and where, in constant time: a bit per id from `low` to
/// `low + span - 1`, and for each word of bits the number set before it, so that the place of
/// an article's posting in the head is that count plus the bits below its own in its word.
/// About 1.5 bits of memory per id of the span.
class HeadBits {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// Holds no article; its span is empty.
  HeadBits() = default;
  /// `head` in id order, each article once, every id in the span.
  HeadBits(const std::vector<Posting>& head, std::int64_t low, std::uint64_t span) {
    reset(head, low, span);
  }
  /// Becomes the bits of `head` over `span` ids from `low`, reusing the memory it has.
  void reset(const std::vector<Posting>& head, std::int64_t low, std::uint64_t span);
  /// The memory it holds.
  std::size_t bytes() const {
    return words_.capacity() * sizeof(std::uint64_t) + before_.capacity() * sizeof(std::uint32_t);
  }

  /// Whether the head holds article `id` (which must be in the span).
  bool contains(std::int64_t id) const {
    const auto offset = static_cast<std::uint64_t>(id - low_);
    return (words_[offset / 64] >> (offset % 64) & 1u) != 0;
  }

  /// The place in the head of the posting of article `id` (in the span), or npos.
  std::size_t find(std::int64_t id) const;

 private:
  std::int64_t low_ = 0;
  std::vector<std::uint64_t> words_;
  std::vector<std::uint32_t> before_;
};

/// Calls `visit(posting, known, driver)` once for each article found in the head of a term of
/// `drivers` (bit i: term i; at most 32 terms): `posting` is its posting in `heads[driver]`,
/// the first of those heads that holds it, and bit i of `known` is set when `heads[i]` holds
/// the article. `bits[i]` is `heads[i]`'s, over a span that holds every id of every head; a
/// query of one term needs none.
template <typename Visit>
void each_article(const std::vector<const std::vector<Posting>*>& heads,
                  const std::vector<HeadBits>& bits, std::uint32_t drivers, Visit&& visit) {
  for (std::size_t d = 0; d < heads.size(); ++d) {
    if ((drivers >> d & 1u) == 0) continue;
    const std::uint32_t met_before = drivers & ((1u << d) - 1);  // in an earlier driver's head
    for (const Posting& posting : *heads[d]) {
      std::uint32_t known = 1u << d;
      for (std::size_t i = 0; i < heads.size(); ++i) {
        if (i != d) known |= static_cast<std::uint32_t>(bits[i].contains(posting.id)) << i;
      }
      if ((known & met_before) == 0) visit(posting, known, d);
    }
  }
}

/// The highest score any posting whose impact (at `reference_length`) is at most `cut` can
/// have with the index's average length `average`, for a term of IDF `idf`: the bound that
/// lets a search stop before reading the rest of a head.
double tail_bound(double idf_value, double cut, double reference_length, double average);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_HEADS_H_
