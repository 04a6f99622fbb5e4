#include "normalize/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <md4c.h>

#include <chrono>
#include <cstring>
#include <memory>

namespace articledb::normalize {
namespace {

using Clock = std::chrono::steady_clock;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Elements whose content is not visible text.
bool is_hidden(const char* name) {
  static constexpr const char* kHidden[] = {"head",     "script", "style",  "noscript",
                                            "template", "iframe", "object", "svg"};
  for (const char* hidden : kHidden) {
    if (std::strcmp(name, hidden) == 0) return true;
  }
  return false;
}

// Inline elements join their text to the neighbours ("<b>x</b>y" gives "xy"); every other
// element ends with a separator.
bool is_inline(const char* name) {
  static constexpr const char* kInline[] = {
      "a",   "abbr", "b",    "bdi", "bdo",  "cite",   "code",  "data", "dfn",    "em",
      "i",   "kbd",  "mark", "q",   "s",    "samp",   "small", "span", "strong", "sub",
      "sup", "time", "u",    "var", "font", "strike", "big",   "tt"};
  for (const char* element : kInline) {
    if (std::strcmp(name, element) == 0) return true;
  }
  return false;
}

// Text gathered from a parser's events, with white space collapsed, within the limits.
class TextSink {
 public:
  explicit TextSink(const MarkupLimits& limits)
      : limits_(limits),
        deadline_(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(limits.max_seconds))) {}

  void text(std::string_view text) {
    for (char c : text) {
      if (is_space(c)) {
        separate();
      } else {
        out_.push_back(c);
      }
    }
  }
  void separate() {
    if (!out_.empty() && out_.back() != ' ') out_.push_back(' ');
  }

  // False (with the reason kept) once a limit is passed.
  bool enter() {
    if (++depth_ > limits_.max_depth) {
      return fail("markup is nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    return in_time();
  }
  void leave() {
    if (depth_ > 0) --depth_;
  }
  bool in_time() {
    if ((++events_ & 1023) == 0 && Clock::now() > deadline_) {
      return fail("markup takes too long to read (more than " +
                  std::to_string(static_cast<int>(limits_.max_seconds)) + " s)");
    }
    return error_.empty();
  }
  bool fail(std::string reason) {
    if (error_.empty()) error_ = std::move(reason);
    return false;
  }

  std::string take() {
    if (!error_.empty()) throw MarkupError(error_);
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.front() == ' ') out_.erase(0, 1);
    return std::move(out_);
  }

  const MarkupLimits& limits() const { return limits_; }

 private:
  const MarkupLimits& limits_;
  Clock::time_point deadline_;
  std::string out_;
  int depth_ = 0;
  std::uint64_t events_ = 0;
  std::string error_;
};

void check_size(std::string_view markup, const MarkupLimits& limits, const char* what) {
  if (markup.size() > limits.max_bytes) {
    throw MarkupError(std::string(what) + " is too large to index (" +
                      std::to_string(markup.size()) + " bytes; the limit is " +
                      std::to_string(limits.max_bytes) + ")");
  }
}

// --- HTML: libxml2's parser, as SAX events --------------------------------------------

struct HtmlState {
  explicit HtmlState(TextSink* text) : sink(text) {}
  TextSink* sink;
  htmlParserCtxtPtr context = nullptr;
  int hidden = 0;        // depth inside hidden elements
  bool collapse = true;  // false: keep text as it is (entity decoding)
  std::string raw;       // the text when not collapsing
};

HtmlState& state_of(void* context) {
  return *static_cast<HtmlState*>(static_cast<htmlParserCtxtPtr>(context)->_private);
}

void stop(HtmlState& state) { xmlStopParser(state.context); }

void on_start(void* context, const xmlChar* name, const xmlChar**) {
  HtmlState& state = state_of(context);
  if (!state.sink->enter()) return stop(state);
  const char* element = reinterpret_cast<const char*>(name);
  if (state.hidden > 0 || is_hidden(element)) ++state.hidden;
}

void on_end(void* context, const xmlChar* name) {
  HtmlState& state = state_of(context);
  state.sink->leave();
  const char* element = reinterpret_cast<const char*>(name);
  if (state.hidden > 0) {
    --state.hidden;
    return;
  }
  if (!is_inline(element)) state.sink->separate();
}

void on_text(void* context, const xmlChar* text, int length) {
  HtmlState& state = state_of(context);
  if (!state.sink->in_time()) return stop(state);
  if (state.hidden > 0) return;
  const std::string_view chunk(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(length));
  if (state.collapse) {
    state.sink->text(chunk);
  } else {
    state.raw.append(chunk);
  }
}

void silent(void*, const char*, ...) {}

// Runs libxml2's HTML parser over `html`, feeding `state`.
void parse_html(std::string_view html, HtmlState& state) {
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.cdataBlock = on_text;
  sax.ignorableWhitespace = on_text;
  sax.warning = silent;
  sax.error = silent;
  sax.fatalError = silent;
  // libxml2 sets up its global state (the mutex of its dictionaries above all) on first use,
  // unsafely when two threads race to it: two parsing threads then wait on each other for
  // ever. Set it up once, before any parse.
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
  const std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> context(
      htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size())), htmlFreeParserCtxt);
  if (!context) throw MarkupError("out of memory reading HTML");
  // The SAX handler of a context is its own copy: replace it with ours.
  std::memcpy(context->sax, &sax, sizeof sax);
  context->_private = &state;
  state.context = context.get();
  htmlCtxtUseOptions(context.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED |
                                        HTML_PARSE_NODEFDTD);
  xmlSwitchEncoding(context.get(), XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(context.get());
}

// --- Markdown: md4c's parser, as events -----------------------------------------------

struct MarkdownState {
  explicit MarkdownState(TextSink* text) : sink(text) {}
  TextSink* sink;
  std::string html_block;  // raw HTML of the block being read
  bool in_html_block = false;
};

int md_enter_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (!state.sink->enter()) return 1;
  if (type == MD_BLOCK_HTML) {
    state.in_html_block = true;
    state.html_block.clear();
  }
  return 0;
}

int md_leave_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  state.sink->leave();
  if (type == MD_BLOCK_HTML) {
    state.in_html_block = false;
    try {
      state.sink->text(html_to_text(state.html_block, state.sink->limits()));
    } catch (const MarkupError& e) {
      state.sink->fail(e.what());
      return 1;
    }
  }
  state.sink->separate();
  return 0;
}

int md_enter_span(MD_SPANTYPE, void*, void* data) {
  return static_cast<MarkdownState*>(data)->sink->enter() ? 0 : 1;
}

int md_leave_span(MD_SPANTYPE, void*, void* data) {
  static_cast<MarkdownState*>(data)->sink->leave();
  return 0;
}

int md_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto& state = *static_cast<MarkdownState*>(data);
  if (!state.sink->in_time()) return 1;
  const std::string_view chunk(text, size);
  switch (type) {
    case MD_TEXT_HTML:
      // Inside an HTML block: its markup, read when the block ends. Elsewhere: an inline
      // tag, which has no text of its own.
      if (state.in_html_block) state.html_block.append(chunk);
      break;
    case MD_TEXT_ENTITY:
      state.sink->text(decode_html_entities(chunk));
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      state.sink->separate();
      break;
    case MD_TEXT_NULLCHAR:
      break;
    default:  // normal text, code, LaTeX
      if (state.in_html_block) {
        state.html_block.append(chunk);
      } else {
        state.sink->text(chunk);
      }
  }
  return 0;
}

}  // namespace

std::string html_to_text(std::string_view html, const MarkupLimits& limits) {
  if (html.empty()) return {};
  check_size(html, limits, "HTML body");
  TextSink sink(limits);
  HtmlState state(&sink);
  parse_html(html, state);
  return sink.take();
}

std::string markdown_to_text(std::string_view markdown, const MarkupLimits& limits) {
  if (markdown.empty()) return {};
  check_size(markdown, limits, "Markdown body");
  TextSink sink(limits);
  MarkdownState state(&sink);
  MD_PARSER parser;
  std::memset(&parser, 0, sizeof parser);
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = md_enter_block;
  parser.leave_block = md_leave_block;
  parser.enter_span = md_enter_span;
  parser.leave_span = md_leave_span;
  parser.text = md_text;
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &state) != 0) {
    sink.fail("Markdown body could not be read");  // md4c fails only when out of memory
  }
  return sink.take();
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
  MarkupLimits limits;
  limits.max_bytes = escaped.size() + 1;
  TextSink sink(limits);
  HtmlState state(&sink);
  state.collapse = false;
  parse_html(escaped, state);
  return std::move(state.raw);
}

}  // namespace articledb::normalize
