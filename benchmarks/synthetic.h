// Synthetic article files in the shape of the real corpus, for benchmarks.
#ifndef ARTICLEDB_BENCHMARKS_SYNTHETIC_H_
#define ARTICLEDB_BENCHMARKS_SYNTHETIC_H_

#include <cstddef>
#include <filesystem>
#include <string>

namespace articledb::bench {

/// The text of synthetic article number `index`: about 1.5 KB of front matter like the seed's
/// (provider with logo, three topics, an image, related entries on some), deterministic.
std::string synthetic_article(std::size_t index);

/// Writes `count` synthetic articles under `folder` (100 per subfolder).
void write_synthetic_articles(const std::filesystem::path& folder, std::size_t count);

/// The seed article's text if ../shared/seed is there, else a synthetic one.
std::string seed_or_synthetic();

}  // namespace articledb::bench

#endif  // ARTICLEDB_BENCHMARKS_SYNTHETIC_H_
