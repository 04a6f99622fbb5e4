#include "normalize/markup.h"

#include <gtest/gtest.h>

namespace articledb::normalize {
namespace {

TEST(HtmlToTextTest, KeepsVisibleTextOnly) {
  EXPECT_EQ(html_to_text("<html><head><title>T</title><style>p{}</style></head>"
                         "<body><p>Hello&nbsp;<b>big</b>   world</p><script>x()</script>"
                         "<!-- note --><p>Second</p></body></html>"),
            "Hello\xC2\xA0"
            "big world Second");
}

TEST(HtmlToTextTest, SeparatesBlocksButNotInlineElements) {
  EXPECT_EQ(html_to_text("<p>one</p><p>two</p>"), "one two");
  EXPECT_EQ(html_to_text("<em>it</em>alic"), "italic");
  EXPECT_EQ(html_to_text("a<br>b"), "a b");
}

TEST(HtmlToTextTest, SurvivesBrokenAndDeepMarkup) {
  EXPECT_EQ(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
  std::string deep;
  for (int i = 0; i < 20'000; ++i) deep += "<div>";
  deep += "core";
  EXPECT_EQ(html_to_text(deep), "core");
}

TEST(MarkdownToTextTest, RendersMarkdownToPlainText) {
  EXPECT_EQ(markdown_to_text("# Title\n\nSome *emphasis* and `code` and a [link](http://x).\n\n"
                             "- one\n- two\n"),
            "Title Some emphasis and code and a link. one two");
}

TEST(MarkdownToTextTest, HandlesEmbeddedHtmlAndEntities) {
  EXPECT_EQ(markdown_to_text("<p>Raw &amp; html</p>\n\nAT&amp;T"), "Raw & html AT&T");
}

TEST(DecodeEntitiesTest, DecodesReferencesAndKeepsTags) {
  EXPECT_EQ(decode_html_entities("Q&amp;A: &quot;x&quot; &#x41;&#66;"), "Q&A: \"x\" AB");
  EXPECT_EQ(decode_html_entities("Use <div> & <span>"), "Use <div> & <span>");
  EXPECT_EQ(decode_html_entities("no entities"), "no entities");
}

}  // namespace
}  // namespace articledb::normalize
