// Writes a synthetic corpus of article files (see corpus.h) for benchmarks:
//   articledb_make_corpus [--seed S] [--jobs N] [--first I] FOLDER COUNT
// Files [I, I + COUNT) of the seed's corpus are written under FOLDER.
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "corpus.h"

int main(int argc, char** argv) {
  std::uint64_t seed = 1;
  std::uint64_t first = 0;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--seed" || arg == "--jobs" || arg == "--first") && i + 1 < argc) {
      const auto value = std::stoull(argv[++i]);
      if (arg == "--seed") seed = value;
      if (arg == "--jobs") jobs = static_cast<unsigned>(std::max<unsigned long long>(1, value));
      if (arg == "--first") first = value;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    std::cerr << "usage: articledb_make_corpus [--seed S] [--jobs N] [--first I] FOLDER COUNT\n";
    return 2;
  }
  const std::uint64_t count = std::stoull(positional[1]);
  const articledb::bench::Corpus corpus(seed);
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) {
    threads.emplace_back([&, j] {
      const std::uint64_t begin = first + count * j / jobs;
      const std::uint64_t end = first + count * (j + 1) / jobs;
      corpus.write(positional[0], begin, end);
    });
  }
  for (auto& t : threads) t.join();
  return 0;
}
