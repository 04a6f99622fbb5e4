// Heads of frequent terms: for a term, the articles where it scores highest on its own, with
// what bm25 needs to score them exactly (weighted frequency, article length), in id order so
// that the heads of several terms merge in one pass.
#ifndef ARTICLEDB_SEARCH_HEADS_H_
#define ARTICLEDB_SEARCH_HEADS_H_

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
/// ... the best kMaxHead of them, and at least the best kMinHead postings whatever their
/// impact (a frequent term found only in bodies has postings of low impact only) ...
inline constexpr std::size_t kMaxHead = 65'536;
inline constexpr std::size_t kMinHead = 4096;
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

/// The highest score any posting whose impact (at `reference_length`) is at most `cut` can
/// have with the index's average length `average`, for a term of IDF `idf`: the bound that
/// lets a search stop before reading the rest of a head.
double tail_bound(double idf_value, double cut, double reference_length, double average);

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_HEADS_H_
