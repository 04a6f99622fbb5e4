#include <chrono>
#include <cstdio>
#include <string>

#include "articledb/article.h"

namespace articledb {
namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool read_number(std::string_view text, std::size_t& pos, int digits, int& value) {
  if (pos + static_cast<std::size_t>(digits) > text.size()) return false;
  value = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = text[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(digits);
  return true;
}

bool at(std::string_view text, std::size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

void skip_spaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  using namespace std::chrono;
  std::size_t pos = 0;
  int year, month, day;
  if (!read_number(text, pos, 4, year) || !at(text, pos++, '-') ||
      !read_number(text, pos, 2, month) || !at(text, pos++, '-') ||
      !read_number(text, pos, 2, day)) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year},
                            std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  sys_seconds time{sys_days{date}};
  if (pos == text.size()) return time;

  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ' && text[pos] != '\t') {
    return std::nullopt;
  }
  ++pos;
  skip_spaces(text, pos);
  int hour, minute, second = 0;
  if (!read_number(text, pos, 2, hour) || !at(text, pos++, ':') ||
      !read_number(text, pos, 2, minute)) {
    return std::nullopt;
  }
  if (at(text, pos, ':')) {
    ++pos;
    if (!read_number(text, pos, 2, second)) return std::nullopt;
    if (at(text, pos, '.') || at(text, pos, ',')) {
      ++pos;
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  time += hours{hour} + minutes{minute} + seconds{second};

  skip_spaces(text, pos);
  if (pos == text.size()) return time;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const bool east = text[pos] == '+';
    ++pos;
    int offset_hours = 0, offset_minutes = 0;
    // "+2", "+02", "+0200", "+02:00"
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    const std::size_t digits = pos - start;
    std::size_t p = start;
    if (digits == 1 || digits == 2) {
      read_number(text, p, static_cast<int>(digits), offset_hours);
      if (at(text, pos, ':')) {
        ++pos;
        if (!read_number(text, pos, 2, offset_minutes)) return std::nullopt;
      }
    } else if (digits == 4) {
      read_number(text, p, 2, offset_hours);
      read_number(text, p, 2, offset_minutes);
    } else {
      return std::nullopt;
    }
    if (offset_hours > 23 || offset_minutes > 59) return std::nullopt;
    const auto offset = hours{offset_hours} + minutes{offset_minutes};
    time = east ? time - offset : time + offset;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  // An offset can push a time out of the years 0000-9999, which the stored form (and the
  // order of its text) cannot hold: such a time is not a valid one.
  const int utc_year = static_cast<int>(year_month_day{floor<days>(time)}.year());
  if (utc_year < 0 || utc_year > 9999) return std::nullopt;
  return time;
}

std::string format_timestamp(Timestamp time) {
  using namespace std::chrono;
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

}  // namespace articledb
