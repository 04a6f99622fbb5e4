#include "synthetic.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace articledb::bench {
namespace {

constexpr std::array<const char*, 24> kWords = {
    "model",  "open",     "cloud",   "data",   "chip",     "robot",  "search",   "language",
    "vision", "network",  "startup", "policy", "privacy",  "energy", "quantum",  "security",
    "python", "compiler", "browser", "mobile", "research", "market", "training", "inference"};
constexpr std::array<const char*, 12> kTopics = {
    "AI",       "Machine Learning", "AI Hardware", "Robotics", "Open Source", "Cloud",
    "Security", "Programming",      "Startups",    "Policy",   "Search",      "Quantum"};
constexpr std::array<const char*, 8> kProviders = {"ZDNet",   "TechRadar", "Nasdaq", "The Verge",
                                                   "Reuters", "Wired",     "Ars",    "InfoQ"};

// A small deterministic generator (xorshift).
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::string words(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    out += kWords[random.below(kWords.size())];
  }
  return out;
}

std::string domain_of(const char* provider) {
  std::string domain;
  for (const char* c = provider; *c != '\0'; ++c) {
    if (*c != ' ') domain += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
  }
  return domain + ".com";
}

}  // namespace

std::string synthetic_article(std::size_t index) {
  Random random{index * 2654435761u + 1};
  const char* provider = kProviders[random.below(kProviders.size())];
  const std::string domain = domain_of(provider);
  std::ostringstream out;
  out << "---\ncategory: news\n"
      << "title: \"" << words(random, 10) << " " << index << "\"\n"
      << "excerpt: \"" << words(random, 45) << "\"\n"
      << "publishedDateTime: 20" << 18 + random.below(6) << "-0" << 1 + random.below(9) << "-1"
      << random.below(10) << "T1" << random.below(10) << ":" << 10 + random.below(50) << ":00Z\n"
      << "originalUrl: \"https://www." << domain << "/article/" << index << "/\"\n"
      << "webUrl: \"https://www." << domain << "/article/" << index << "/\"\n"
      << "type: article\nquality: " << random.below(200) << "\nheat: " << random.below(200)
      << "\npublished: true\n\nprovider:\n  name: " << provider << "\n  domain: " << domain
      << "\n  images:\n    - url: \"https://cdn.example.com/" << domain
      << "-50x50.jpg\"\n      width: 50\n      height: 50\n\ntopics:\n";
  for (int t = 0; t < 3; ++t)
    out << "  - " << kTopics[(index + static_cast<std::size_t>(t) * 5) % kTopics.size()] << "\n";
  out << "\nimages:\n  - url: \"https://img.example.com/" << index
      << ".jpg?width=1200\"\n    width: 1200\n    height: 802\n    isCached: true\n";
  if (index % 3 == 0) {
    out << "\nrelated:\n  - title: \"" << words(random, 8) << "\"\n    excerpt: \""
        << words(random, 30) << "\"\n    publishedDateTime: 2022-09-13T21:00:00Z\n"
        << "    webUrl: \"https://www.nasdaq.com/articles/" << index
        << "\"\n    type: article\n    provider:\n      name: Nasdaq\n      domain: nasdaq.com\n"
        << "    quality: 88\n";
  }
  out << "\nsecured: \"" << std::string(560, 'Q') << "\"\n---\n";
  return out.str();
}

void write_synthetic_articles(const std::filesystem::path& folder, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const auto dir = folder / ("_news" + std::to_string(i / 100));
    if (i % 100 == 0) std::filesystem::create_directories(dir);
    std::ofstream(dir / ("article-" + std::to_string(i) + ".md")) << synthetic_article(i);
  }
}

std::string seed_or_synthetic() {
  std::ifstream in(std::filesystem::path(ARTICLEDB_SHARED_DIR) / "seed" /
                   "000_d08c63637665816d.txt");
  if (!in) return synthetic_article(1);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace articledb::bench
