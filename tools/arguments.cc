#include "arguments.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace articledb::cli {
namespace {

// Options every command has, with whether each takes a value.
struct Common {
  std::string_view name;
  bool takes_value;
};
constexpr std::array<Common, 4> kCommon = {
    {{"--db", true}, {"--json", false}, {"--quiet", false}, {"-q", false}}};

const Common* common_option(std::string_view token) {
  const std::string_view name = token.substr(0, token.find('='));
  for (const Common& c : kCommon) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The option of `command` that `token` names ("--limit", "--limit=5", "-n"), if any.
const CLI::Option* option_of(const CLI::App& command, std::string_view token) {
  std::string name(token.substr(0, token.find('=')));
  if (name.size() > 2 && name[0] == '-' && name[1] != '-') name.resize(2);  // "-n5"
  if (name == "-h" || name == "--help") return command.get_help_ptr();
  return command.get_option_no_throw(name);
}

bool looks_like_option(std::string_view token) { return token.size() > 1 && token[0] == '-'; }

}  // namespace

const CLI::App* find_command(const CLI::App& app, const std::string& name) {
  const std::vector<const CLI::App*> found =
      app.get_subcommands([&name](const CLI::App* command) { return command->check_name(name); });
  return found.empty() ? nullptr : found.front();
}

std::vector<std::string> normalise_arguments(const CLI::App& app, int argc,
                                             const char* const* argv) {
  std::vector<std::string> in(argv + 1, argv + argc);
  // Common options before the command name are held back until after it.
  std::vector<std::string> held;
  std::size_t i = 0;
  while (i < in.size()) {
    const Common* common = common_option(in[i]);
    if (common == nullptr) break;
    held.push_back(in[i]);
    if (common->takes_value && in[i].find('=') == std::string::npos && i + 1 < in.size()) {
      held.push_back(in[++i]);
    }
    ++i;
  }
  std::vector<std::string> out;
  if (i == in.size()) {  // no command: let the parser say so
    return in;
  }
  const std::string command_name = in[i];
  out.push_back(in[i++]);
  out.insert(out.end(), held.begin(), held.end());

  const CLI::App* command = find_command(app, command_name);
  if (command == nullptr || command_name != "search") {
    out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(i), in.end());
    return out;
  }
  // The words of the query, in their order, all after a "--" (where words that look like
  // options are taken as words).
  std::vector<std::string> words;
  for (; i < in.size(); ++i) {
    const std::string& token = in[i];
    if (token == "--") {
      words.insert(words.end(), in.begin() + static_cast<std::ptrdiff_t>(i) + 1, in.end());
      break;
    }
    if (!looks_like_option(token)) {
      words.push_back(token);
      continue;
    }
    const CLI::Option* option = option_of(*command, token);
    if (option == nullptr) {
      words.push_back(token);
      continue;
    }
    out.push_back(token);
    const bool inline_value =
        token.find('=') != std::string::npos || (token[1] != '-' && token.size() > 2);
    if (option->get_expected_min() > 0 && !inline_value && i + 1 < in.size()) {
      out.push_back(in[++i]);
    }
  }
  if (!words.empty()) {
    out.push_back("--");
    out.insert(out.end(), words.begin(), words.end());
  }
  return out;
}

}  // namespace articledb::cli
