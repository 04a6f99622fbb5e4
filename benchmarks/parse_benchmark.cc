// Front-matter parsing: the stages of turning one file into a normalised article.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include "corpus.h"
#include "frontmatter/split.h"
#include "frontmatter/yaml_tree.h"
#include "normalize/text.h"
#include "record/article_parser.h"
#include "synthetic.h"

namespace articledb::bench {
namespace {

std::string_view yaml_of(const std::string& text) {
  return std::get<frontmatter::Parts>(frontmatter::split(text)).yaml;
}

// The whole per-file parse: split, YAML tree, typed and normalised fields.
void BM_ParseArticle(benchmark::State& state) {
  const std::string text = seed_or_synthetic();
  normalize::TextNormalizer normalizer;
  for (auto _ : state) {
    auto result = record::parse_article(text, "seed.txt", BodyFormat::kText, normalizer);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseArticle);

// The YAML stage as articledb does it: yaml-cpp's event API into a tree with positions.
void BM_ParseYamlTree(benchmark::State& state) {
  const std::string text = seed_or_synthetic();
  const std::string_view yaml = yaml_of(text);
  for (auto _ : state) {
    auto tree = frontmatter::parse_yaml(yaml, 2);
    benchmark::DoNotOptimize(tree);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseYamlTree);

// yaml-cpp's document API on the same text, for comparison.
void BM_ParseYamlCppLoad(benchmark::State& state) {
  const std::string text = seed_or_synthetic();
  const std::string yaml(yaml_of(text));
  for (auto _ : state) {
    YAML::Node node = YAML::Load(yaml);
    benchmark::DoNotOptimize(node);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseYamlCppLoad);

// Text clean-up of a title with mojibake and entities (the slow path) and of plain ASCII.
void BM_CleanText(benchmark::State& state) {
  normalize::TextNormalizer normalizer;
  const std::string text = state.range(0) == 0
                               ? "Facebook's PyTorch AI ignites at the Linux Foundation"
                               : "Alphabetâ€™s PyTorch &amp; AI ignite";
  for (auto _ : state) benchmark::DoNotOptimize(normalizer.clean(text, true));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CleanText)->Arg(0)->Arg(1);

}  // namespace
}  // namespace articledb::bench

namespace articledb::bench {
namespace {

// The whole per-file parse over a mix of the benchmark corpus's files (news, videos,
// courses, samples with HTML bodies, newsletters, profiles), 2,000 files per iteration.
void BM_ParseCorpusMix(benchmark::State& state) {
  static const std::vector<CorpusFile> files = [] {
    std::vector<CorpusFile> out;
    const Corpus corpus(3);
    for (std::uint64_t i = 0; i < 2000; ++i) out.push_back(corpus.file(i));
    return out;
  }();
  normalize::TextNormalizer normalizer;
  std::int64_t bytes = 0;
  for (const CorpusFile& f : files) bytes += static_cast<std::int64_t>(f.text.size());
  for (auto _ : state) {
    for (const CorpusFile& f : files) {
      auto result = record::parse_article(
          f.text, f.path, record::body_format_for(f.path).value_or(BodyFormat::kText), normalizer);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(files.size()));
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ParseCorpusMix)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace articledb::bench
