#include "normalize/markup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

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

TEST(HtmlToTextTest, SurvivesBrokenMarkup) {
  EXPECT_EQ(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
  EXPECT_EQ(html_to_text("</p></div>stray <<>> ends"), "stray <<>> ends");
}

TEST(HtmlToTextTest, DeepNestingIsRefusedWithoutRecursion) {
  for (const char* element : {"<div>", "<span>", "<table>", "<b>"}) {
    std::string deep;
    for (int i = 0; i < 300'000; ++i) deep += element;
    deep += "core";
    try {
      html_to_text(deep);
      ADD_FAILURE() << element << " nesting was accepted";
    } catch (const MarkupError& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr("nested deeper than 256"));
    }
  }
  std::string fine;
  for (int i = 0; i < 200; ++i) fine += "<div>";
  EXPECT_EQ(html_to_text(fine + "core"), "core");
}

TEST(HtmlToTextTest, LimitsSizeAndTime) {
  MarkupLimits limits;
  limits.max_bytes = 100;
  EXPECT_THROW(html_to_text(std::string(101, 'x'), limits), MarkupError);
  limits = {};
  limits.max_seconds = 0;
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "<p>x</p>";
  EXPECT_THROW(html_to_text(many, limits), MarkupError);
}

TEST(MarkdownToTextTest, DeepNestingIsRefused) {
  EXPECT_THROW(markdown_to_text(std::string(160'000, '>') + " quoted"), MarkupError);
  std::string lists;
  for (int i = 0; i < 40'000; ++i) lists += "- ";
  EXPECT_THROW(markdown_to_text(lists + "item"), MarkupError);
  EXPECT_EQ(markdown_to_text("> > quoted twice"), "quoted twice");
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

// The first parses of a process, started together on many threads (as an import's readers
// start): libxml2's global state must be set up once, or the threads wait on each other.
TEST(MarkupTest, ParsesFromManyThreadsAtOnce) {
  constexpr int kThreads = 8;
  std::atomic<int> waiting{kThreads};
  std::vector<std::thread> threads;
  std::atomic<int> done{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      --waiting;
      while (waiting.load() > 0) {
      }
      for (int k = 0; k < 20; ++k) {
        if (decode_html_entities("AT&amp;T") == "AT&T" &&
            html_to_text("<p>a <b>b</b></p>") == "a b") {
          ++done;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(done.load(), kThreads * 20);
}

}  // namespace
}  // namespace articledb::normalize
