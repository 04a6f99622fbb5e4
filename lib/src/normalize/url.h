// Canonical URLs for matching the same story under different spellings of its address.
#ifndef ARTICLEDB_NORMALIZE_URL_H_
#define ARTICLEDB_NORMALIZE_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace articledb::normalize {

/// The canonical form of an absolute http(s) URL (parsed with uriparser): scheme and host
/// lower-cased, default port dropped, dot segments resolved, percent-encoding normalised,
/// empty path made "/", fragment dropped, and tracking parameters (utm_*, fbclid, gclid, ...)
/// removed from the query. nullopt for relative URLs, other schemes and unparsable text.
std::optional<std::string> canonical_url(std::string_view url);

}  // namespace articledb::normalize

#endif  // ARTICLEDB_NORMALIZE_URL_H_
