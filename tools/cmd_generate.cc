// articledb generate: shell completion (bash, zsh) and the man page, written from the command
// line's own definition, so they list exactly the commands and options the tool has.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"

namespace articledb::cli {
namespace {

struct OptionInfo {
  std::vector<std::string> names;  // "--limit", "-n"
  std::string value;               // "N"; empty for a flag
  std::string description;
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
  std::vector<OptionInfo> positionals;  // names hold the positional's name
};

std::vector<OptionInfo> options_of(const CLI::App& app, bool positional) {
  std::vector<OptionInfo> out;
  for (const CLI::Option* option : app.get_options()) {
    if (option->nonpositional() == positional) continue;
    OptionInfo info;
    for (const std::string& name : option->get_lnames()) info.names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) info.names.push_back("-" + name);
    if (positional) {
      const std::string type = option->get_type_name();
      info.names.push_back(type.empty() ? option->get_name() : type);
    }
    if (option->get_expected_min() > 0) info.value = option->get_type_name();
    info.description = option->get_description();
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<CommandInfo> commands_of(const CLI::App& app) {
  std::vector<CommandInfo> out;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    out.push_back({command->get_name(), command->get_description(), options_of(*command, false),
                   options_of(*command, true)});
  }
  return out;
}

// --- bash

std::string bash(const CLI::App& app) {
  const std::vector<CommandInfo> commands = commands_of(app);
  std::ostringstream out;
  out << "# bash completion for articledb (written by 'articledb generate bash')\n"
      << "_articledb() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  local command='' i\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case ${COMP_WORDS[i]} in\n";
  std::string names;
  for (const CommandInfo& c : commands) names += (names.empty() ? "" : "|") + c.name;
  out << "      " << names << ") command=${COMP_WORDS[i]}; break ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  case $prev in\n"
      << "    --db) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
      << "  esac\n"
      << "  local words\n"
      << "  case $command in\n";
  std::string top;
  for (const CommandInfo& c : commands) top += (top.empty() ? "" : " ") + c.name;
  out << "    '') words='" << top << " --db --json --quiet --help --version' ;;\n";
  for (const CommandInfo& c : commands) {
    std::string words;
    for (const OptionInfo& o : c.options) {
      for (const std::string& name : o.names) words += (words.empty() ? "" : " ") + name;
    }
    out << "    " << c.name << ") words='" << words << "' ;;\n";
  }
  out << "  esac\n"
      << "  if [[ $cur == -* || -z $command ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
      << "  else\n"
      << "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      << "  fi\n"
      << "}\n"
      << "complete -o default -F _articledb articledb\n";
  return out.str();
}

// --- zsh

// Text inside a zsh _arguments spec within single quotes: brackets and colons escaped.
std::string zsh_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == ':' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string zsh(const CLI::App& app) {
  const std::vector<CommandInfo> commands = commands_of(app);
  std::ostringstream out;
  out << "#compdef articledb\n"
      << "# zsh completion for articledb (written by 'articledb generate zsh')\n"
      << "_articledb() {\n"
      << "  local -a commands\n"
      << "  commands=(\n";
  for (const CommandInfo& c : commands) {
    out << "    '" << zsh_text(c.name) << ":" << zsh_text(c.description) << "'\n";
  }
  out << "  )\n"
      << "  if (( CURRENT == 2 )); then\n"
      << "    _describe 'command' commands\n"
      << "    return\n"
      << "  fi\n"
      << "  case $words[2] in\n";
  for (const CommandInfo& c : commands) {
    out << "    " << c.name << ")\n      _arguments";
    for (const OptionInfo& o : c.options) {
      for (const std::string& name : o.names) {
        out << " \\\n        '" << name << "[" << zsh_text(o.description) << "]";
        if (!o.value.empty()) {
          out << ":" << zsh_text(o.value) << ":" << (name == "--db" ? "_files" : "");
        }
        out << "'";
      }
    }
    for (const OptionInfo& p : c.positionals) {
      out << " \\\n        '*:" << zsh_text(p.names.front()) << ":_files'";
    }
    out << "\n      ;;\n";
  }
  out << "  esac\n"
      << "}\n"
      << "_articledb \"$@\"\n";
  return out.str();
}

// --- man page

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string man(const CLI::App& app) {
  const std::vector<CommandInfo> commands = commands_of(app);
  std::ostringstream out;
  out << ".TH ARTICLEDB 1 \"\" \"articledb " << ARTICLEDB_VERSION << "\" \"User Commands\"\n"
      << ".SH NAME\n"
      << "articledb \\- a SQLite database and full\\-text index of articles written as files "
         "with YAML front matter\n"
      << ".SH SYNOPSIS\n"
      << ".B articledb\n"
      << "[\\fB\\-\\-db\\fR \\fIFILE\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roff(app.get_description()) << ".\n"
      << "The options \\fB\\-\\-db\\fR, \\fB\\-\\-json\\fR and \\fB\\-\\-quiet\\fR may come "
         "before the command.\n"
      << ".SH COMMANDS\n";
  for (const CommandInfo& c : commands) {
    out << ".SS \"" << c.name;
    for (const OptionInfo& p : c.positionals) out << " " << roff(p.names.front()) << "...";
    out << "\"\n" << roff(c.description) << ".\n";
    for (const OptionInfo& o : c.options) {
      out << ".TP\n";
      std::string names;
      for (const std::string& name : o.names) {
        names += (names.empty() ? "" : ", ") + std::string("\\fB") + roff(name) + "\\fR";
      }
      out << names;
      if (!o.value.empty()) out << " \\fI" << roff(o.value) << "\\fR";
      out << "\n" << roff(o.description) << "\n";
    }
  }
  out << ".SH EXIT STATUS\n"
      << ".TP\n.B 0\nAll good (warnings and skipped files included).\n"
      << ".TP\n.B 1\nSome files failed and the rest were imported; \\fBcheck\\fR found a fault; "
         "\\fBshow\\fR found no such article.\n"
      << ".TP\n.B 2\nUsage error, or the database could not be opened or written.\n"
      << ".SH ENVIRONMENT\n"
      << ".TP\n.B ARTICLEDB_DB\nThe database used when \\fB\\-\\-db\\fR is not given "
         "(default: articles.db).\n"
      << ".SH FILES\n"
      << ".TP\n.I DB\\-import.lock\nHeld by a running import; removed when it ends.\n"
      << ".TP\n.I DB\\-wal, DB\\-shm\nSQLite's write\\-ahead log and its index, while the "
         "database is open.\n"
      << ".SH SEE ALSO\n"
      << ".BR sqlite3 (1)\n";
  return out.str();
}

}  // namespace

void add_generate_command(CLI::App& app, Action& action) {
  auto what = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "generate", "Print shell completion (bash, zsh) or the man page, from this tool's options");
  command->add_option("what", *what, "bash, zsh or man")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "man"}))
      ->type_name("WHAT");
  const CLI::App* root = &app;
  command->callback([what, root, &action] {
    action = [what, root] {
      std::cout << (*what == "bash" ? bash(*root) : *what == "zsh" ? zsh(*root) : man(*root));
      return kExitOk;
    };
  });
}

}  // namespace articledb::cli
