#include "normalize/markup.h"

#include <gumbo.h>
#include <md4c-html.h>

#include <memory>
#include <utility>
#include <vector>

namespace articledb::normalize {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboDocument = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboDocument parse_html(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; recording them costs time
  return GumboDocument(gumbo_parse_with_options(&options, html.data(), html.size()));
}

bool is_hidden(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
      return true;
    default:
      return false;
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends `text` to `out`, turning each run of ASCII white space into one space.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

void trim_trailing_space(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

// Text of `root` in document order. Iterative, so that deeply nested markup cannot
// exhaust the stack.
std::string collect_text(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr) {  // marks the end of an element: separate it from what follows
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        append_collapsed(out, node->v.text.text);
        break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboVector* children;
        if (node->type == GUMBO_NODE_DOCUMENT) {
          children = &node->v.document.children;
        } else {
          if (is_hidden(node->v.element.tag)) break;
          children = &node->v.element.children;
          // Inline elements join their text to the neighbours ("<b>x</b>y" -> "xy");
          // every other element ends with a separator.
          switch (node->v.element.tag) {
            case GUMBO_TAG_A:
            case GUMBO_TAG_ABBR:
            case GUMBO_TAG_B:
            case GUMBO_TAG_BDI:
            case GUMBO_TAG_BDO:
            case GUMBO_TAG_CITE:
            case GUMBO_TAG_CODE:
            case GUMBO_TAG_DATA:
            case GUMBO_TAG_DFN:
            case GUMBO_TAG_EM:
            case GUMBO_TAG_I:
            case GUMBO_TAG_KBD:
            case GUMBO_TAG_MARK:
            case GUMBO_TAG_Q:
            case GUMBO_TAG_S:
            case GUMBO_TAG_SAMP:
            case GUMBO_TAG_SMALL:
            case GUMBO_TAG_SPAN:
            case GUMBO_TAG_STRONG:
            case GUMBO_TAG_SUB:
            case GUMBO_TAG_SUP:
            case GUMBO_TAG_TIME:
            case GUMBO_TAG_U:
            case GUMBO_TAG_VAR:
            case GUMBO_TAG_FONT:
            case GUMBO_TAG_STRIKE:
            case GUMBO_TAG_BIG:
            case GUMBO_TAG_TT:
              break;
            default:
              stack.push_back(nullptr);
          }
        }
        for (unsigned i = children->length; i > 0; --i) {
          stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
        }
        break;
      }
      case GUMBO_NODE_COMMENT:
        break;
    }
  }
  trim_trailing_space(out);
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  if (html.empty()) return {};
  const GumboDocument doc = parse_html(html);
  return collect_text(doc->document);
}

std::string markdown_to_text(std::string_view markdown) {
  if (markdown.empty()) return {};
  std::string html;
  html.reserve(markdown.size() + markdown.size() / 4);
  const auto append = [](const MD_CHAR* text, MD_SIZE size, void* userdata) {
    static_cast<std::string*>(userdata)->append(text, size);
  };
  const int failed = md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html,
                             MD_DIALECT_GITHUB, 0);
  // md4c fails only when out of memory; then the text itself is the best we have.
  return html_to_text(failed != 0 ? markdown : std::string_view(html));
}

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // Escape '<' so that the parser sees only text and character references.
  std::string escaped;
  escaped.reserve(text.size() + 16);
  for (char c : text) {
    if (c == '<') {
      escaped += "&lt;";
    } else {
      escaped.push_back(c);
    }
  }
  const GumboDocument doc = parse_html(escaped);
  // The text ends up in <body>; collect it without collapsing white space.
  std::string out;
  std::vector<const GumboNode*> stack{doc->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
  }
  return out;
}

}  // namespace articledb::normalize
