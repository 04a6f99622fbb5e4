#include "normalize/url.h"

#include <uriparser/Uri.h>

#include <algorithm>
#include <array>
#include <string>

#include "util/ascii.h"

namespace articledb::normalize {
namespace {

std::string_view text_of(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return {range.first, static_cast<std::size_t>(range.afterLast - range.first)};
}

bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "fbclid", "gclid", "dclid",  "gclsrc", "msclkid", "mc_cid",
      "mc_eid", "yclid", "igshid", "_ga",    "_gl",     "ocid"};
  const std::string key = util::ascii_lower(name);
  if (key.rfind("utm_", 0) == 0) return true;
  return std::find(kNames.begin(), kNames.end(), key) != kNames.end();
}

// The query without tracking parameters, in the original order and encoding.
std::string filter_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    const std::string_view name = pair.substr(0, pair.find('='));
    if (!pair.empty() && !is_tracking_parameter(name)) {
      if (!out.empty()) out.push_back('&');
      out.append(pair);
    }
    start = end + 1;
  }
  return out;
}

struct UriHolder {
  UriUriA uri{};
  bool parsed = false;
  ~UriHolder() {
    if (parsed) uriFreeUriMembersA(&uri);
  }
};

}  // namespace

std::optional<std::string> canonical_url(std::string_view url) {
  const std::string input(url.substr(0, url.find_last_not_of(" \t\r\n") + 1));
  if (input.empty()) return std::nullopt;
  UriHolder holder;
  const char* error = nullptr;
  if (uriParseSingleUriExA(&holder.uri, input.data(), input.data() + input.size(), &error) !=
      URI_SUCCESS) {
    return std::nullopt;
  }
  holder.parsed = true;
  UriUriA& uri = holder.uri;
  const std::string scheme = util::ascii_lower(text_of(uri.scheme));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  if (text_of(uri.hostText).empty()) return std::nullopt;
  if (uriNormalizeSyntaxA(&uri) != URI_SUCCESS) return std::nullopt;

  std::string out = scheme + "://";
  if (!text_of(uri.userInfo).empty()) {
    out.append(text_of(uri.userInfo));
    out.push_back('@');
  }
  const bool ipv6 = uri.hostData.ip6 != nullptr;
  if (ipv6) out.push_back('[');
  out += util::ascii_lower(text_of(uri.hostText));
  if (ipv6) out.push_back(']');
  const std::string_view port = text_of(uri.portText);
  const bool default_port =
      (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  if (!port.empty() && !default_port) {
    out.push_back(':');
    out.append(port);
  }
  if (uri.pathHead == nullptr) {
    out.push_back('/');
  } else {
    for (const UriPathSegmentA* segment = uri.pathHead; segment != nullptr;
         segment = segment->next) {
      out.push_back('/');
      out.append(text_of(segment->text));
    }
  }
  const std::string query = filter_query(text_of(uri.query));
  if (!query.empty()) {
    out.push_back('?');
    out += query;
  }
  return out;
}

}  // namespace articledb::normalize
