// Plain text out of HTML and Markdown, with real parsers (gumbo, md4c).
#ifndef ARTICLEDB_NORMALIZE_MARKUP_H_
#define ARTICLEDB_NORMALIZE_MARKUP_H_

#include <string>
#include <string_view>

namespace articledb::normalize {

/// Visible text of an HTML document or fragment: no tags, no comments, no <head>, <script>
/// or <style>; entities decoded; runs of white space collapsed to one space; trimmed.
std::string html_to_text(std::string_view html);

/// Text of a Markdown document (CommonMark with GitHub extensions, raw HTML allowed),
/// rendered to HTML by md4c and then read as html_to_text() does.
std::string markdown_to_text(std::string_view markdown);

/// `text` with its HTML character references decoded ("AT&amp;T" -> "AT&T") as a browser
/// would show it; anything that looks like a tag is left as written.
std::string decode_html_entities(std::string_view text);

}  // namespace articledb::normalize

#endif  // ARTICLEDB_NORMALIZE_MARKUP_H_
