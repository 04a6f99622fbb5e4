#include "normalize/text.h"

#include <unicode/bytestream.h>
#include <unicode/idna.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <uriparser/Uri.h>

#include <cstdint>
#include <vector>

#include "articledb/error.h"
#include "normalize/markup.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace articledb::normalize {
namespace {

// Applies a Normalizer2 to UTF-8 without a round trip through UTF-16 when `text` is
// already normalised (the common case).
std::string normalize_with(const icu::Normalizer2& normalizer, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(text);
  }
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  normalizer.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

// Code points that cp1252 encodes as 0x80-0xBF, the bytes that continue a UTF-8 sequence.
bool encodes_as_continuation(UChar32 c) {
  if (c >= 0x80 && c <= 0xBF) return true;
  switch (c) {
    case 0x20AC:
    case 0x201A:
    case 0x0192:
    case 0x201E:
    case 0x2026:
    case 0x2020:
    case 0x2021:
    case 0x02C6:
    case 0x2030:
    case 0x0160:
    case 0x2039:
    case 0x0152:
    case 0x017D:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2022:
    case 0x2013:
    case 0x2014:
    case 0x02DC:
    case 0x2122:
    case 0x0161:
    case 0x203A:
    case 0x0153:
    case 0x017E:
    case 0x0178:
      return true;
    default:
      return false;
  }
}

// Pairs that look like a UTF-8 lead byte read as cp1252 ("Ã", "â") followed by a
// continuation byte read as cp1252 ("©", "€"): the signature of mojibake.
int mojibake_pairs(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int pairs = 0;
  UChar32 previous = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (previous >= 0xC2 && previous <= 0xF4 && encodes_as_continuation(c)) ++pairs;
    previous = c;
  }
  return pairs;
}

}  // namespace

struct TextNormalizer::Icu {
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::unique_ptr<icu::Transliterator> to_ascii;
  std::unique_ptr<icu::IDNA> idna;
  UConverter* cp1252 = nullptr;

  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(status);
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    idna.reset(icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_ASCII, status));
    cp1252 = ucnv_open("windows-1252", &status);
    if (U_SUCCESS(status)) {
      ucnv_setFromUCallBack(cp1252, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
    if (U_FAILURE(status)) {
      ucnv_close(cp1252);
      // ICU's data ships with libicu; failing here means a broken installation.
      throw Error(ErrorCode::kIo, std::string("ICU could not be initialised (") +
                                      u_errorName(status) + "): is libicu installed completely?");
    }
  }
  ~Icu() { ucnv_close(cp1252); }

  // Built on first use: it takes ~10 ms, and only slugs of non-ASCII text need it.
  icu::Transliterator& ascii() {
    if (!to_ascii) {
      UErrorCode status = U_ZERO_ERROR;
      to_ascii.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                         UTRANS_FORWARD, status));
      if (U_FAILURE(status) || !to_ascii) {
        throw Error(ErrorCode::kIo, std::string("ICU could not be initialised (") +
                                        u_errorName(status) + "): is libicu installed completely?");
      }
    }
    return *to_ascii;
  }
};

TextNormalizer::TextNormalizer() : icu_(std::make_unique<Icu>()) {}
TextNormalizer::~TextNormalizer() = default;

std::string_view trim(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  int32_t begin = 0;
  auto end = static_cast<int32_t>(text.size());
  while (begin < end) {
    int32_t next = begin;
    UChar32 c;
    U8_NEXT(s, next, end, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    begin = next;
  }
  while (end > begin) {
    int32_t previous = end;
    UChar32 c;
    U8_PREV(s, begin, previous, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = previous;
  }
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

std::optional<std::string> TextNormalizer::repair_mojibake(std::string_view text) {
  if (util::is_ascii(text)) return std::nullopt;
  const int before = mojibake_pairs(text);
  if (before == 0) return std::nullopt;

  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string bytes(static_cast<std::size_t>(unicode.length()) + 1, '\0');
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(icu_->cp1252);
  const int32_t written =
      ucnv_fromUChars(icu_->cp1252, bytes.data(), static_cast<int32_t>(bytes.size()),
                      unicode.getBuffer(), unicode.length(), &status);
  if (U_FAILURE(status)) return std::nullopt;  // a character outside cp1252
  bytes.resize(static_cast<std::size_t>(written));
  if (util::find_invalid_utf8(bytes) || util::is_ascii(bytes)) return std::nullopt;
  if (mojibake_pairs(bytes) >= before) return std::nullopt;
  return bytes;
}

std::string TextNormalizer::clean(std::string_view text, bool decode_entities) {
  std::string value(text);
  if (auto repaired = repair_mojibake(value)) value = std::move(*repaired);
  if (decode_entities) value = decode_html_entities(value);
  if (!util::is_ascii(value)) value = normalize_with(*icu_->nfc, value);
  const std::string_view trimmed = trim(value);
  if (trimmed.size() != value.size()) value = std::string(trimmed);
  return value;
}

std::string TextNormalizer::fold_key(std::string_view text) {
  const std::string folded = normalize_with(*icu_->nfkc_casefold, text);
  std::string key;
  key.reserve(folded.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  bool pending_space = false;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  return key;
}

std::string TextNormalizer::slug(std::string_view text) { return slug_for_key(fold_key(text)); }

std::string TextNormalizer::slug_for_key(const std::string& key) {
  if (auto it = slugs_.find(key); it != slugs_.end()) return it->second;

  std::string ascii;
  if (util::is_ascii(key)) {
    ascii = key;
  } else {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(key);
    icu_->ascii().transliterate(unicode);
    unicode.toUTF8String(ascii);
  }
  std::string slug;
  for (char c : ascii) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      slug.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      slug.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "x-" + util::content_hash(key).substr(0, 10);

  if (slugs_.size() > 100'000) slugs_.clear();
  slugs_.emplace(key, slug);
  return slug;
}

std::optional<std::string> TextNormalizer::domain(std::string_view text) {
  std::string host(trim(text));
  if (host.find('/') != std::string::npos || host.find(':') != std::string::npos) {
    // A URL, or a host with a path: let uriparser find the host.
    std::string url = host.find("://") == std::string::npos ? "http://" + host : host;
    UriUriA uri;
    const char* error = nullptr;
    if (uriParseSingleUriA(&uri, url.c_str(), &error) != URI_SUCCESS) return std::nullopt;
    host.assign(uri.hostText.first ? uri.hostText.first : "",
                uri.hostText.first
                    ? static_cast<std::size_t>(uri.hostText.afterLast - uri.hostText.first)
                    : 0);
    uriFreeUriMembersA(&uri);
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return std::nullopt;

  std::string ascii;
  icu::StringByteSink<std::string> sink(&ascii);
  icu::IDNAInfo info;
  UErrorCode status = U_ZERO_ERROR;
  icu_->idna->nameToASCII_UTF8(icu::StringPiece(host.data(), static_cast<int32_t>(host.size())),
                               sink, info, status);
  if (U_FAILURE(status) || info.hasErrors()) {
    // Not a valid IDNA name (underscores, spaces...): keep it, lower-cased.
    ascii.clear();
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(host);
    unicode.foldCase().toUTF8String(ascii);
  }
  if (ascii.rfind("www.", 0) == 0 && ascii.size() > 4) ascii.erase(0, 4);
  if (ascii.empty()) return std::nullopt;
  return ascii;
}

}  // namespace articledb::normalize
