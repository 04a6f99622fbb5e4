#include "output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "articledb/error.h"

namespace articledb::cli {
namespace {

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

std::string group_digits(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string counted(std::uint64_t count, const std::string& one, const std::string& many) {
  return group_digits(count) + " " + (count == 1 ? one : many);
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
  CLI::Validator validator(
      [low, high](std::string& text) -> std::string {
        const std::string range =
            "a whole number from " + group_digits(low) + " to " + group_digits(high);
        if (text.empty() || text.size() > 20 ||
            text.find_first_not_of("0123456789") != std::string::npos) {
          return "'" + text + "' is not " + range;
        }
        std::uint64_t value = 0;
        try {
          value = std::stoull(text);
        } catch (const std::out_of_range&) {
          return text + " is not " + range;
        }
        if (value < low || value > high) return group_digits(value) + " is not " + range;
        return {};
      },
      "");
  return validator;
}

std::string human_bytes(std::int64_t bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1000 && unit < 4) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return text;
}

void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows,
                 const std::vector<std::size_t>& right) {
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
      const std::string pad(widths[c] - display_width(cell), ' ');
      const bool align_right = std::find(right.begin(), right.end(), c) != right.end();
      line += align_right ? pad + cell : cell + (c + 1 < widths.size() ? pad : "");
      if (c + 1 < widths.size()) line += "  ";
    }
    std::cout << line << '\n';
  };
  print_row(header);
  std::vector<std::string> rule;
  for (std::size_t width : widths) rule.push_back(std::string(width, '-'));
  print_row(rule);
  for (const auto& row : rows) print_row(row);
}

Database open_existing(const std::filesystem::path& path, OpenMode mode) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw Error(ErrorCode::kIo, "no database at '" + path.string() +
                                    "': import articles first (articledb import), or pass --db");
  }
  OpenOptions options;
  options.mode = mode;
  return Database(path, options);
}

}  // namespace articledb::cli
