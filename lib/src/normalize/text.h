// Unicode clean-up of text fields, identity keys and slugs (ICU).
#ifndef ARTICLEDB_NORMALIZE_TEXT_H_
#define ARTICLEDB_NORMALIZE_TEXT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace articledb::normalize {

/// Holds the ICU objects that cleaning needs. Not thread-safe: one per thread.
/// Input must be valid UTF-8.
class TextNormalizer {
 public:
  TextNormalizer();
  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  /// The display form of a text field: cp1252 mojibake repaired when certain, HTML
  /// entities decoded when `decode_entities`, NFC, Unicode white space trimmed at both ends.
  std::string clean(std::string_view text, bool decode_entities);

  /// `text` re-read as the UTF-8 it was before a wrong cp1252 round trip
  /// ("Alphabetâ€™s" -> "Alphabet’s"), or nullopt unless the repair is certain: every
  /// character maps to cp1252, the bytes are valid UTF-8, and they hold fewer
  /// mojibake-looking pairs than the input.
  std::optional<std::string> repair_mojibake(std::string_view text);

  /// Identity key: NFKC case folding, white space collapsed and trimmed ("AI  Hardware",
  /// "ai hardware" -> "ai hardware").
  std::string fold_key(std::string_view text);

  /// Stable ASCII slug of a name: transliterated to Latin then ASCII, lower case, runs of
  /// anything else turned into '-' ("Café Münster" -> "cafe-munster"). A name with no
  /// ASCII letters or digits gets "x-" and a hash of its key.
  std::string slug(std::string_view text);

  /// slug() of a name whose fold_key() is `key`, for callers that have the key already.
  std::string slug_for_key(const std::string& key);

  /// A domain as providers are keyed: host of a URL if given one, lower case, IDNA ASCII,
  /// without a leading "www." or a trailing dot. nullopt when nothing usable is left.
  std::optional<std::string> domain(std::string_view text);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
  std::unordered_map<std::string, std::string> slugs_;  // key -> slug, names repeat a lot
};

/// `text` without leading and trailing Unicode white space.
std::string_view trim(std::string_view text);

}  // namespace articledb::normalize

#endif  // ARTICLEDB_NORMALIZE_TEXT_H_
