#include "corpus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

namespace articledb::bench {
namespace {

// SplitMix64: small, fast and the same on every platform (no std:: distributions, whose
// results are implementation-defined).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t low, std::size_t high) { return low + below(high - low + 1); }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  Rng rng(a * 0x100000001B3ull ^ (b + 0x632BE59BD9B4E019ull));
  return rng.next();
}

// A Zipf distribution over ranks 0..n-1 with exponent s, sampled by binary search.
class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double total = 0;
    for (std::size_t r = 0; r < n; ++r) total += 1.0 / std::pow(static_cast<double>(r + 1), s);
    double running = 0;
    for (std::size_t r = 0; r < n; ++r) {
      running += 1.0 / std::pow(static_cast<double>(r + 1), s) / total;
      cdf_[r] = running;
    }
    cdf_.back() = 1.0;
  }
  std::size_t sample(Rng& rng) const {
    const double u = rng.unit();
    return static_cast<std::size_t>(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin()) %
           cdf_.size();
  }
  std::size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;
};

struct ProviderModel {
  std::string name;
  std::string domain;
  std::string logo;
};

constexpr std::size_t kVocabulary = 60'000;
constexpr std::size_t kTopics = 320;
constexpr std::size_t kProviders = 500;

// Platforms that host many publishers, each under its own name.
constexpr std::array<const char*, 8> kPlatforms = {"youtube.com",  "medium.com",  "github.com",
                                                   "linkedin.com", "twitter.com", "substack.com",
                                                   "dev.to",       "reddit.com"};

// Everything a seed shares between its files.
struct Model {
  std::vector<std::string> words;  // by rank: frequent words are short
  Zipf word_zipf{kVocabulary, 1.0};
  std::vector<std::string> topics;
  Zipf topic_zipf{kTopics, 1.1};
  std::vector<ProviderModel> providers;
  Zipf provider_zipf{kProviders, 1.0};
};

std::string capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

std::unique_ptr<Model> build_model(std::uint64_t seed) {
  auto model = std::make_unique<Model>();
  Rng rng(mix(seed, 0xC0FFEE));
  static constexpr std::array<const char*, 30> kOnsets = {
      "b", "c", "d", "f",  "g",  "h",  "j",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",
      "v", "w", "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch"};
  static constexpr std::array<const char*, 10> kVowels = {"a",  "e",  "i",  "o",  "u",
                                                          "ai", "ea", "io", "ou", "y"};
  static constexpr std::array<const char*, 10> kCodas = {"",  "n", "r", "s",  "t",
                                                         "l", "m", "x", "nd", "st"};
  std::set<std::string> seen;
  std::vector<std::pair<std::size_t, std::string>> made;
  while (made.size() < kVocabulary) {
    const std::size_t syllables = 1 + rng.below(4);
    std::string word;
    for (std::size_t s = 0; s < syllables; ++s) {
      word += kOnsets[rng.below(kOnsets.size())];
      word += kVowels[rng.below(kVowels.size())];
      if (rng.chance(0.4)) word += kCodas[rng.below(kCodas.size())];
    }
    if (seen.insert(word).second) made.emplace_back(made.size(), word);
  }
  // Frequent words are short, as in real text; ties keep the order they were made in.
  std::stable_sort(made.begin(), made.end(),
                   [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  for (auto& [order, word] : made) model->words.push_back(std::move(word));

  // Topics: a few well-known names, then one to three capitalised words.
  static constexpr std::array<const char*, 12> kKnownTopics = {
      "AI",          "Machine Learning", "Power Apps", "Cloud",    "Security", "Robotics",
      "Open Source", "Startups",         "Quantum",    "Low Code", "Data",     "Policy"};
  std::set<std::string> topic_names;
  for (const char* known : kKnownTopics) {
    model->topics.push_back(known);
    topic_names.insert(known);
  }
  while (model->topics.size() < kTopics) {
    std::string name;
    const std::size_t count = 1 + rng.below(3);
    for (std::size_t w = 0; w < count; ++w) {
      if (w > 0) name += ' ';
      name += capitalized(model->words[50 + rng.below(3000)]);
    }
    if (topic_names.insert(name).second) model->topics.push_back(name);
  }

  // Providers: a quarter publish on a shared platform under their own name.
  std::set<std::string> provider_keys;
  while (model->providers.size() < kProviders) {
    ProviderModel provider;
    const std::size_t count = 1 + rng.below(3);
    std::string slug;
    for (std::size_t w = 0; w < count; ++w) {
      const std::string& word = model->words[100 + rng.below(5000)];
      if (w > 0) provider.name += ' ';
      provider.name += capitalized(word);
      slug += word;
    }
    if (rng.chance(0.25)) {
      provider.domain = kPlatforms[rng.below(kPlatforms.size())];
    } else {
      static constexpr std::array<const char*, 6> kTlds = {".com", ".com", ".org",
                                                           ".net", ".io",  ".co.uk"};
      provider.domain = slug + kTlds[rng.below(kTlds.size())];
    }
    if (!provider_keys.insert(provider.domain + "|" + provider.name).second) continue;
    provider.logo = "https://cdn.example.net/logos/" + slug + "-50x50.jpg";
    model->providers.push_back(std::move(provider));
  }
  return model;
}

const Model& model_for(std::uint64_t seed) {
  static std::mutex mutex;
  static std::map<std::uint64_t, std::unique_ptr<Model>> models;
  std::lock_guard lock(mutex);
  auto& slot = models[seed];
  if (!slot) slot = build_model(seed);
  return *slot;
}

// --- One article ---------------------------------------------------------------------

enum class Kind { kNews, kVideo, kCourse, kCollection, kSample, kNewsletter, kProfile, kCommunity };

struct KindShare {
  Kind kind;
  double share;  // of the files, as in the real collections
};
constexpr std::array<KindShare, 8> kKinds = {{{Kind::kNews, 0.471},
                                              {Kind::kVideo, 0.309},
                                              {Kind::kCourse, 0.066},
                                              {Kind::kCollection, 0.029},
                                              {Kind::kSample, 0.082},
                                              {Kind::kNewsletter, 0.035},
                                              {Kind::kProfile, 0.004},
                                              {Kind::kCommunity, 0.004}}};

Kind kind_of(Rng& rng) {
  double u = rng.unit();
  for (const KindShare& k : kKinds) {
    if (u < k.share) return k.kind;
    u -= k.share;
  }
  return Kind::kNews;
}

// The facts of an article that other articles refer to (its URL, title and provider), drawn
// from a stream of its own so that any article can compute them for any other.
struct Header {
  Kind kind;
  std::string title;
  std::string slug;
  const ProviderModel* provider;
  int year, month, day, hour, minute, second;
  std::string url;
};

std::string base36(std::uint64_t value) {
  std::string out;
  do {
    out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[value % 36]);
    value /= 36;
  } while (value != 0);
  return out;
}

class Writer {
 public:
  Writer(const Model& model, Rng& rng) : m_(model), rng_(rng) {}

  const std::string& word() { return m_.words[m_.word_zipf.sample(rng_)]; }

  // Title words: the commonest words less often, as headlines drop them.
  const std::string& title_word() {
    while (true) {
      const std::size_t rank = m_.word_zipf.sample(rng_);
      if (rank >= 8 || rng_.chance(0.3)) return m_.words[rank];
    }
  }

  std::string words(std::size_t count, bool title = false) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out += ' ';
      out += title ? title_word() : word();
    }
    return out;
  }

  // Prose: sentences with capitals, commas and full stops; an entity or a number now and then.
  std::string prose(std::size_t count) {
    std::string out;
    std::size_t sentence = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out += ' ';
      std::string w = word();
      if (sentence == 0) w = capitalized(w);
      if (rng_.chance(0.01)) w = std::to_string(rng_.between(2, 2099));
      out += w;
      ++sentence;
      if (i + 1 < count) {
        if (sentence > 6 && rng_.chance(0.12)) {
          out += '.';
          sentence = 0;
        } else if (rng_.chance(0.05)) {
          out += ',';
        } else if (rng_.chance(0.004)) {
          out += " &amp;";
        }
      }
    }
    return out + '.';
  }

 private:
  const Model& m_;
  Rng& rng_;
};

Header header_of(const Model& model, std::uint64_t seed, std::uint64_t index) {
  Rng rng(mix(seed, index * 2 + 1));
  Writer w(model, rng);
  Header h;
  h.kind = kind_of(rng);
  const std::size_t title_words = rng.between(5, 13);
  std::string title;
  for (std::size_t i = 0; i < title_words; ++i) {
    const std::string& word = w.title_word();
    if (i > 0) title += ' ';
    title += i == 0 || rng.chance(0.6) ? capitalized(word) : word;
    if (i < 6) h.slug += (i > 0 ? "-" : "") + word;
  }
  h.title = std::move(title);
  h.provider = &model.providers[model.provider_zipf.sample(rng)];
  h.year = static_cast<int>(rng.between(2015, 2026));
  h.month = static_cast<int>(rng.between(1, 12));
  h.day = static_cast<int>(rng.between(1, 28));
  h.hour = static_cast<int>(rng.below(24));
  h.minute = static_cast<int>(rng.below(60));
  h.second = static_cast<int>(rng.below(60));
  char date[16];
  std::snprintf(date, sizeof date, "%04d/%02d", h.year, h.month);
  h.url = "https://www." + h.provider->domain + "/" + date + "/" + h.slug + "-" + base36(index);
  return h;
}

std::string iso_time(const Header& h) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", h.year, h.month, h.day, h.hour,
                h.minute, h.second);
  return text;
}

// A YAML double-quoted scalar.
std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string secured(Rng& rng) {
  static constexpr char kBase64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  const std::size_t length = rng.between(300, 620);
  for (std::size_t i = 0; i < length; ++i) out += kBase64[rng.below(64)];
  return out + "==;" + std::string(22, kBase64[rng.below(64)]) + "==";
}

void provider_block(std::string& out, const ProviderModel& provider, bool with_logo,
                    const char* indent) {
  const std::string in = indent;
  out += in + "provider:\n" + in + "  name: " + yaml_quoted(provider.name) + "\n" + in +
         "  domain: " + provider.domain + "\n";
  if (with_logo) {
    out += in + "  images:\n" + in + "    - url: " + yaml_quoted(provider.logo) + "\n" + in +
           "      width: 50\n" + in + "      height: 50\n";
  }
}

std::string markdown_body(Writer& w, Rng& rng) {
  std::string out = "\n## " + capitalized(w.words(rng.between(3, 7), true)) + "\n\n";
  const std::size_t paragraphs = rng.between(2, 8);
  for (std::size_t p = 0; p < paragraphs; ++p) {
    switch (rng.below(5)) {
      case 0: {
        const std::size_t items = rng.between(2, 5);
        for (std::size_t i = 0; i < items; ++i) out += "- " + w.prose(rng.between(4, 14)) + "\n";
        break;
      }
      case 1:
        out += "```\n" + w.words(rng.between(5, 20)) + "\n```\n";
        break;
      default:
        out += w.prose(rng.between(30, 120)) + " See [" + w.words(2) + "](https://example.org/" +
               w.word() + ") and **" + w.words(2) + "**.\n";
    }
    out += '\n';
  }
  return out;
}

std::string newsletter_body(Writer& w, Rng& rng, const Header& h) {
  std::string out =
      "<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>" + h.title +
      "</title>\n  <style>\n    body { margin: 0 auto; padding: 0; }\n    table, td { "
      "border-collapse: collapse; }\n    .item { font-family: sans-serif; }\n  </style>\n"
      "</head>\n<body>\n<table class=\"newsletter\">\n";
  const std::size_t items = rng.between(6, 22);
  for (std::size_t i = 0; i < items; ++i) {
    out += "  <tr><td class=\"item\">\n    <h2><a href=\"https://example.org/" + w.word() + "/" +
           w.word() + "\">" + capitalized(w.words(rng.between(4, 10), true)) +
           "</a></h2>\n    <p>" + w.prose(rng.between(25, 70)) + "</p>\n    <p><span>" +
           w.words(rng.between(2, 5)) + "</span> &middot; <em>" + w.words(2) +
           "</em></p>\n  </td></tr>\n";
  }
  return out + "</table>\n</body>\n</html>\n";
}

CorpusFile make_file(const Model& model, std::uint64_t seed, std::uint64_t index) {
  const Header h = header_of(model, seed, index);
  Rng rng(mix(seed, index * 2 + 2));
  Writer w(model, rng);
  CorpusFile file;
  std::string& out = file.text;
  out = "---\n";
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", h.year, h.month, h.day);
  const std::string name = h.slug + "-" + base36(index);
  const std::string shard = std::to_string(h.year) + "/";

  const bool profile = h.kind == Kind::kProfile || h.kind == Kind::kCommunity;
  if (h.kind == Kind::kNews) out += "category: news\n";
  out += std::string(profile ? "name: " : "title: ") + yaml_quoted(h.title) + "\n";
  if (h.kind == Kind::kProfile) {
    out += "bio: " + yaml_quoted(w.prose(rng.between(8, 25))) +
           "\nlocation: " + capitalized(w.word()) + ", " + capitalized(w.word()) + "\n";
  } else {
    std::string excerpt = w.prose(rng.between(h.kind == Kind::kNews ? 35 : 15, 60));
    if (excerpt.size() > 300 && rng.chance(0.7)) excerpt.resize(300);  // cut, as feeds do
    while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
    out += "excerpt: " + yaml_quoted(excerpt) + "\n";
  }
  const bool dated = !profile && h.kind != Kind::kCollection;
  if (dated) {
    if (rng.chance(0.05)) {
      char offset[40];
      std::snprintf(offset, sizeof offset, "%s %02d:%02d:%02d +02:00", date, h.hour, h.minute,
                    h.second);
      out += "publishedDateTime: " + std::string(offset) + "\n";
    } else {
      out += "publishedDateTime: " + iso_time(h) + "\n";
    }
  }
  out += "originalUrl: " + (rng.chance(0.5) ? yaml_quoted(h.url) : h.url) + "\n";
  if (h.kind == Kind::kNews || h.kind == Kind::kNewsletter || h.kind == Kind::kCommunity ||
      rng.chance(0.3)) {
    out += "webUrl: " + yaml_quoted(h.url) + "\n";
  }
  if (h.kind == Kind::kNews && rng.chance(0.2)) {
    out += "ampWebUrl: " + yaml_quoted(h.url + "/amp") + "\ncdnAmpWebUrl: " +
           yaml_quoted("https://cdn.ampproject.org/c/s/" + h.url.substr(8) + "/amp") + "\n";
  }
  static constexpr std::array<const char*, 8> kTypes = {
      "article", "video", "course", "collection", "download", "article", "profile", "forum"};
  out += std::string("type: ") + kTypes[static_cast<int>(h.kind)] + "\n";
  if (h.kind == Kind::kVideo || h.kind == Kind::kCourse) {
    out += rng.chance(0.8) ? "price: Free\n"
                           : "price: \"$" + std::to_string(rng.between(9, 199)) + "\"\n";
    out += "length: PT" + std::to_string(rng.between(1, 90)) + "M" + std::to_string(rng.below(60)) +
           "S\n";
  }
  if (h.kind == Kind::kCourse) {
    char average[16];
    std::snprintf(average, sizeof average, "%.7f", 3.0 + rng.unit() * 2.0);
    out += "ratings:\n  count: " + std::to_string(rng.between(1, 5000)) +
           "\n  average: " + average + "\nlevels:\n  - " +
           (rng.chance(0.5)   ? "Beginner"
            : rng.chance(0.5) ? "Intermediate"
                              : "Advanced") +
           "\n";
  }
  if (h.kind == Kind::kCommunity)
    out += "members: " + std::to_string(rng.between(10, 90000)) + "\n";
  if (!profile && h.kind != Kind::kCollection && rng.chance(0.8)) {
    out += "quality: " + std::to_string(rng.between(10, 250)) + "\n";
  }
  out += "heat: " + std::to_string(rng.between(1, 300)) + "\n";
  if (h.kind == Kind::kNews) out += "published: true\n";
  if (rng.chance(0.01)) out += "removed: true\n";
  if (h.kind == Kind::kVideo) {
    out +=
        "\nfeaturedContent: \"<iframe width=\\\"800\\\" height=\\\"500\\\" frameborder=\\\"0\\\" "
        "src=\\\"https://www.youtube.com/embed/" +
        base36(rng.next()) + "\\\" allowfullscreen></iframe>\"\n";
  }
  if (h.kind == Kind::kSample) {
    out += "\nactions:\n  - url: " + yaml_quoted(h.url + "/download.zip") +
           "\n    type: \"download\"\n    title: \"Download Source Code\"\n";
  }
  if (h.kind == Kind::kProfile) {
    out += "\ntwitter:\n  username: " + w.word() +
           "\n  followers: " + std::to_string(rng.between(10, 90000)) + "\n";
  }
  out += "\n";
  if (h.kind != Kind::kNewsletter) {
    provider_block(out, *h.provider, rng.chance(0.85), "");
    if (h.kind == Kind::kSample && rng.chance(0.5)) {
      out += "  authors:\n    - name: " + w.word() + "\n";
    }
    out += "\n";
  }

  out += "topics:\n";
  const std::size_t topics = rng.between(1, 5);
  std::set<std::size_t> chosen;
  for (std::size_t t = 0; t < topics; ++t) {
    const std::size_t topic = model.topic_zipf.sample(rng);
    if (chosen.insert(topic).second) out += "  - " + model.topics[topic] + "\n";
  }

  if (rng.chance(0.9)) {
    out += "\nimages:\n";
    const std::size_t images = rng.chance(0.8) ? 1 : 2;
    for (std::size_t i = 0; i < images; ++i) {
      out += "  - url: " + yaml_quoted("https://img.example.net/" + base36(rng.next()) + ".jpg") +
             "\n    width: " + std::to_string(rng.between(400, 1920)) +
             "\n    height: " + std::to_string(rng.between(300, 1080)) +
             "\n    isCached: " + (rng.chance(0.9) ? "true" : "false") + "\n";
      if (profile) out += "    title: " + yaml_quoted(h.title) + "\n";
    }
  }

  if (h.kind == Kind::kNews && rng.chance(0.4)) {
    out += "\nrelated:\n";
    const std::size_t count = rng.between(1, 5);
    for (std::size_t r = 0; r < count; ++r) {
      // Half point at other files of the corpus, which may or may not be imported.
      const bool inside = rng.chance(0.5);
      const std::uint64_t other = rng.below(index + 1000);
      const Header o = header_of(model, seed, other);
      const std::string title = inside ? o.title : capitalized(w.words(rng.between(6, 12), true));
      const std::string url =
          inside ? o.url : "https://www." + o.provider->domain + "/news/" + base36(rng.next());
      out += "  - title: " + yaml_quoted(title) + "\n";
      if (rng.chance(0.6))
        out += "    excerpt: " + yaml_quoted(w.prose(rng.between(10, 40))) + "\n";
      out += "    publishedDateTime: " + iso_time(o) + "\n    webUrl: " + yaml_quoted(url) +
             "\n    type: article\n";
      provider_block(out, *o.provider, false, "    ");
      out += "    quality: " + std::to_string(rng.between(10, 250)) + "\n";
    }
  }

  if (h.kind != Kind::kCommunity) out += "\nsecured: " + yaml_quoted(secured(rng)) + "\n";
  out += "---\n";

  std::string extension = ".md";
  if (h.kind == Kind::kNewsletter) {
    out += newsletter_body(w, rng, h);
    extension = ".html";
  } else if (h.kind == Kind::kSample) {
    out += "<p>" + w.prose(rng.between(10, 60)) + "</p>\n<p>&nbsp;</p>\n";
  } else if (rng.chance(0.03)) {
    out += markdown_body(w, rng);
  }

  switch (h.kind) {
    case Kind::kNews:
      file.path = "_news/" + shard + date + "-" + name + extension;
      break;
    case Kind::kVideo:
      file.path = "_learning/videos/" + shard + name + extension;
      break;
    case Kind::kCourse:
      file.path = "_learning/courses/" + shard + name + extension;
      break;
    case Kind::kCollection:
      file.path = "_learning/collections/" + name + extension;
      break;
    case Kind::kSample:
      file.path = "_samples/" + shard + name + extension;
      break;
    case Kind::kNewsletter:
      file.path = "_newsletters/" + shard + date + "-" + name + extension;
      break;
    case Kind::kProfile:
      file.path = "_people/" + name + extension;
      break;
    case Kind::kCommunity:
      file.path = "_communities/" + name + extension;
      break;
  }
  return file;
}

}  // namespace

Corpus::Corpus(std::uint64_t seed) : seed_(seed) { model_for(seed_); }

CorpusFile Corpus::file(std::uint64_t index) const {
  return make_file(model_for(seed_), seed_, index);
}

void Corpus::write(const std::filesystem::path& root, std::uint64_t first,
                   std::uint64_t last) const {
  std::set<std::string> made;
  for (std::uint64_t i = first; i < last; ++i) {
    const CorpusFile f = file(i);
    const std::filesystem::path path = root / f.path;
    const std::string folder = path.parent_path().string();
    if (made.insert(folder).second) std::filesystem::create_directories(folder);
    std::ofstream out(path, std::ios::binary);
    out << f.text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
}

}  // namespace articledb::bench
