#include "search/heads.h"

#include <algorithm>

namespace articledb::search {
namespace {

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

bool get_varint(std::string_view& in, std::uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// bm25's length normalisation, K in f(k1+1) / (f + K).
double length_part(double length, double average) {
  constexpr double k1 = kK1;
  constexpr double b = kB;
  return k1 * (1 - b + b * length / average);
}

}  // namespace

std::string encode_postings(const std::vector<Posting>& postings) {
  std::string out;
  out.reserve(postings.size() * 6);
  std::int64_t previous = 0;
  for (const Posting& p : postings) {
    put_varint(out, static_cast<std::uint64_t>(p.id - previous));
    previous = p.id;
    put_varint(out, p.frequency);
    put_varint(out, p.length);
  }
  return out;
}

bool decode_postings(std::string_view blob, std::vector<Posting>& out) {
  // Room for all of them at once: a posting takes at least three bytes. (Counting them
  // exactly would read the blob twice.)
  const std::size_t needed = out.size() + blob.size() / 3;
  if (needed > out.capacity()) out.reserve(std::max(needed, 2 * out.capacity()));
  std::int64_t previous = 0;
  while (!blob.empty()) {
    std::uint64_t id = 0;
    std::uint64_t frequency = 0;
    std::uint64_t length = 0;
    if (!get_varint(blob, id) || !get_varint(blob, frequency) || !get_varint(blob, length)) {
      return false;
    }
    previous += static_cast<std::int64_t>(id);
    out.push_back(
        {previous, static_cast<std::uint32_t>(frequency), static_cast<std::uint32_t>(length)});
  }
  return true;
}

void HeadBits::reset(const std::vector<Posting>& head, std::int64_t low, std::uint64_t span) {
  low_ = low;
  words_.assign((span + 63) / 64, 0);
  before_.assign(words_.size(), 0);
  // The head is in id order: the postings before the first in a word are those of the words
  // before it.
  std::size_t filled = 0;  // before_[0, filled) is set
  for (std::size_t place = 0; place < head.size(); ++place) {
    const auto offset = static_cast<std::uint64_t>(head[place].id - low_);
    const std::size_t word = offset / 64;
    words_[word] |= std::uint64_t{1} << (offset % 64);
    for (; filled <= word; ++filled) before_[filled] = static_cast<std::uint32_t>(place);
  }
  for (; filled < before_.size(); ++filled)
    before_[filled] = static_cast<std::uint32_t>(head.size());
}

std::size_t HeadBits::find(std::int64_t id) const {
  const auto offset = static_cast<std::uint64_t>(id - low_);
  const std::uint64_t word = words_[offset / 64];
  const std::uint64_t bit = std::uint64_t{1} << (offset % 64);
  if ((word & bit) == 0) return npos;
  return before_[offset / 64] + static_cast<std::size_t>(std::popcount(word & (bit - 1)));
}

double tail_bound(double idf_value, double cut, double reference_length, double average) {
  constexpr double k1 = kK1;
  // impact(f, L) = f(k1+1) / (f + K_ref(L)) <= cut  <=>  f <= cut K_ref(L) / (k1+1-cut).
  if (cut >= k1 + 1.0) return idf_value * (k1 + 1.0);
  const double alpha = cut / (k1 + 1.0 - cut);
  // Along f = alpha K_ref(L), the score is monotone in L (a ratio of two linear functions of
  // L): its largest value is at L = 1 or as L grows without bound.
  auto at = [&](double length) {
    const double f = alpha * length_part(length, reference_length);
    return f * (k1 + 1.0) / (f + length_part(length, average));
  };
  const double at_one = at(1.0);
  const double ratio = average / reference_length;  // K_ref / K_now as L grows
  const double at_infinity = alpha * ratio * (k1 + 1.0) / (alpha * ratio + 1.0);
  const double best = std::max(at_one, at_infinity);
  return idf_value * best * (1.0 + 1e-9);  // a margin for rounding: the bound must hold
}

}  // namespace articledb::search
