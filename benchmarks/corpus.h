// A seeded, deterministic model of a site's article files, for benchmarks at any size.
//
// The shapes follow the real collections articledb is built for (news, videos, courses,
// collections, samples, newsletters, profiles, communities): the same key mix and value
// lengths, words drawn from a Zipf-distributed vocabulary, a few hundred topics and about 500
// providers (some on platforms that host many publishers), related lists that point at other
// articles of the corpus, HTML newsletters and some Markdown bodies. Article `i` of a seed is
// always the same bytes, whatever else is generated, so corpora of 10k, 100k and 1M files
// share their first files and can be generated in parallel.
#ifndef ARTICLEDB_BENCHMARKS_CORPUS_H_
#define ARTICLEDB_BENCHMARKS_CORPUS_H_

#include <cstdint>
#include <filesystem>
#include <string>

namespace articledb::bench {

struct CorpusFile {
  std::string path;  ///< relative to the corpus root, '/'-separated
  std::string text;  ///< the whole file
};

class Corpus {
 public:
  explicit Corpus(std::uint64_t seed = 1);

  /// File number `index` of this corpus.
  CorpusFile file(std::uint64_t index) const;

  /// Writes files [first, last) under `root`, creating folders as needed.
  void write(const std::filesystem::path& root, std::uint64_t first, std::uint64_t last) const;

  std::uint64_t seed() const { return seed_; }

 private:
  std::uint64_t seed_;
};

}  // namespace articledb::bench

#endif  // ARTICLEDB_BENCHMARKS_CORPUS_H_
