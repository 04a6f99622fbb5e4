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

std::string printable(std::string_view text, bool keep_lines) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) {
      if (keep_lines && (byte == '\n' || byte == '\t')) {
        out += static_cast<char>(byte);
      } else {
        out += kReplacement;
      }
    } else if (byte == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += kReplacement;  // a C1 control, U+0080..U+009F
      ++i;
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

std::string printable_marked(std::string_view text, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    // The nearer of the two marks.
    std::size_t at = std::string_view::npos;
    std::size_t length = 0;
    for (std::string_view mark : {open, close}) {
      if (mark.empty()) continue;
      const std::size_t found = text.find(mark, start);
      if (found < at) {
        at = found;
        length = mark.size();
      }
    }
    out += printable(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (at == std::string_view::npos) break;
    out += text.substr(at, length);
    start = at + length;
  }
  return out;
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
      const std::string cell = c < row.size() ? printable(row[c]) : "";
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
  if (std::filesystem::is_regular_file(path, error) &&
      std::filesystem::file_size(path, error) == 0) {
    // SQLite would take it for a new database, and a read-write open would migrate it.
    throw Error(ErrorCode::kNotArticleDb, "'" + path.string() +
                                              "' is an empty file, not an articledb database: "
                                              "import articles into it first");
  }
  OpenOptions options;
  options.mode = mode;
  return Database(path, options);
}

}  // namespace articledb::cli
