// The articles of filters on topics or providers, kept between the searches of a connection
// while the database stays as it was.
#ifndef ARTICLEDB_QUERY_FILTER_LISTS_H_
#define ARTICLEDB_QUERY_FILTER_LISTS_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace articledb::query {

/// A search with a filter on topics or providers asks SQLite, article by article, whether the
/// filter keeps each candidate (about 1-2 us each at a million articles); a filter used again
/// is worth reading whole once and looking up in memory. Lists are kept per connection, the
/// most recently used first, up to kMaxIds ids in all, and all forgotten as soon as the
/// database changes: its PRAGMA data_version (commits by other connections) or the
/// connection's own count of changes.
class FilterLists {
 public:
  /// What the database was when the lists were read.
  struct Version {
    std::int64_t data_version = -1;
    std::int64_t own_changes = -1;
    bool operator==(const Version&) const = default;
  };

  /// Ids kept in all lists, at most (8 bytes each).
  static constexpr std::size_t kMaxIds = 1'000'000;
  /// Filters whose uses are counted, at most: past it, the counts start again.
  static constexpr std::size_t kMaxCounted = 256;

  /// Starts a search on the database as it is at `version`: forgets every list and count
  /// if it has changed since the last.
  void begin(const Version& version) {
    if (version == version_) return;
    version_ = version;
    lists_.clear();
    index_.clear();
    uses_.clear();
    ids_ = 0;
  }

  /// The sorted articles of the filter `key`, when kept; nullptr otherwise.
  const std::vector<std::int64_t>* find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    lists_.splice(lists_.begin(), lists_, it->second);  // most recently used
    return &it->second->ids;
  }

  /// Counts a use of the filter `key`; true from its second use on while it is not kept.
  bool used_again(const std::string& key) {
    if (uses_.size() >= kMaxCounted && uses_.find(key) == uses_.end()) uses_.clear();
    int& uses = uses_[key];
    if (uses == kNever) return false;
    return ++uses >= 2;
  }

  /// Marks the filter `key` as one not to keep (it selects too many articles) until the
  /// database changes.
  void never_keep(const std::string& key) { uses_[key] = kNever; }

  /// Keeps `ids` (sorted) as the filter's articles, forgetting the least recently used lists
  /// beyond kMaxIds in all. A list longer than that is not kept.
  const std::vector<std::int64_t>* keep(const std::string& key, std::vector<std::int64_t> ids) {
    if (ids.size() > kMaxIds) return nullptr;
    if (const auto it = index_.find(key); it != index_.end()) forget(it->second);
    while (!lists_.empty() && ids_ + ids.size() > kMaxIds) forget(std::prev(lists_.end()));
    ids_ += ids.size();
    lists_.push_front(Entry{key, std::move(ids), std::nullopt});
    index_[key] = lists_.begin();
    return &lists_.front().ids;
  }

  /// What is kept with the filter `key`'s list once found (a condition of the full-text
  /// index that its articles meet, "" for none; nullopt until found): nullptr when the list
  /// is not kept.
  std::optional<std::string>* condition(const std::string& key) {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second->condition;
  }

  /// Ids kept in all (for tests).
  std::size_t ids() const { return ids_; }

 private:
  struct Entry {
    std::string key;
    std::vector<std::int64_t> ids;
    std::optional<std::string> condition;
  };
  void forget(std::list<Entry>::iterator entry) {
    ids_ -= entry->ids.size();
    index_.erase(entry->key);
    lists_.erase(entry);
  }

  static constexpr int kNever = -1'000'000;

  Version version_;
  std::list<Entry> lists_;  // the most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::unordered_map<std::string, int> uses_;
  std::size_t ids_ = 0;
};

}  // namespace articledb::query

#endif  // ARTICLEDB_QUERY_FILTER_LISTS_H_
