// bm25 as FTS5 computes it for articles_fts, so that scores computed here are the same
// numbers as `bm25(articles_fts, 10.0, 4.0, 1.0, 2.0, 2.0)` in SQL (same formula, same order
// of floating-point operations).
#ifndef ARTICLEDB_SEARCH_BM25_H_
#define ARTICLEDB_SEARCH_BM25_H_

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace articledb::search {

/// The index's columns, and their weights in the same order.
inline constexpr std::array<std::string_view, 5> kColumnNames = {"title", "excerpt", "body",
                                                                 "topics", "provider"};
inline constexpr std::array<int, 5> kColumnWeights = {10, 4, 1, 2, 2};

/// The statistics of the whole index that a score needs.
struct IndexTotals {
  std::int64_t rows = 0;    ///< articles in the index
  std::int64_t tokens = 0;  ///< tokens in all their columns
  double average_length() const {
    return rows == 0 ? 1.0 : static_cast<double>(tokens) / static_cast<double>(rows);
  }
};

/// FTS5's IDF of a phrase found in `hits` of `rows` rows (never below 1e-6).
inline double idf(std::int64_t rows, std::int64_t hits) {
  double value = std::log((static_cast<double>(rows) - static_cast<double>(hits) + 0.5) /
                          (static_cast<double>(hits) + 0.5));
  if (value <= 0.0) value = 1e-6;
  return value;
}

/// FTS5's bm25 parameters.
inline constexpr double kK1 = 1.2;
inline constexpr double kB = 0.75;

/// One phrase's part of a row's score: `frequency` is the weighted count of its instances
/// (the sum of the weights of their columns), `length` the row's tokens in all columns.
inline double term_score(double idf_value, double frequency, double length, double average) {
  constexpr double k1 = kK1;
  constexpr double b = kB;
  return idf_value * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / average)));
}

}  // namespace articledb::search

#endif  // ARTICLEDB_SEARCH_BM25_H_
