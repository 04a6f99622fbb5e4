#include "normalize/text.h"

#include <gtest/gtest.h>

namespace articledb::normalize {
namespace {

class TextNormalizerTest : public ::testing::Test {
 protected:
  TextNormalizer text_;
};

TEST_F(TextNormalizerTest, RepairsCp1252Mojibake) {
  EXPECT_EQ(text_.clean("Alphabetâ€™s Google", false), "Alphabet’s Google");
  EXPECT_EQ(text_.clean("CafÃ© crÃ¨me", false), "Café crème");
  EXPECT_EQ(text_.clean("â€œquotedâ€\xC2\x9D", false), "“quoted”");
}

TEST_F(TextNormalizerTest, LeavesCorrectTextAlone) {
  for (const char* ok : {"Alphabet’s Google", "Café crème", "naïve façade", "日本語のテキスト",
                         "עברית וערבית", "Â is a letter", "plain ASCII"}) {
    EXPECT_FALSE(text_.repair_mojibake(ok).has_value()) << ok;
    EXPECT_EQ(text_.clean(ok, false), ok);
  }
}

TEST_F(TextNormalizerTest, DoesNotRepairWhenNotCertain) {
  // Mojibake next to a character that cp1252 cannot encode: the round trip is impossible.
  EXPECT_FALSE(text_.repair_mojibake("Alphabetâ€™s 日本").has_value());
}

TEST_F(TextNormalizerTest, DecodesEntitiesOnlyWhenAsked) {
  EXPECT_EQ(text_.clean("AT&amp;T &lt;b&gt; &#8217; &eacute;", true), "AT&T <b> ’ é");
  EXPECT_EQ(text_.clean("AT&amp;T", false), "AT&amp;T");
  EXPECT_EQ(text_.clean("Tom & Jerry <3", true), "Tom & Jerry <3");
}

TEST_F(TextNormalizerTest, NormalisesToNfcAndTrims) {
  EXPECT_EQ(text_.clean("  Cafe\xCC\x81\t\n", false), "Caf\xC3\xA9");
  EXPECT_EQ(text_.clean("\xC2\xA0x\xE2\x80\x83", false), "x");  // NBSP and EM SPACE
}

TEST_F(TextNormalizerTest, FoldKeyIgnoresCaseWidthAndSpacing) {
  EXPECT_EQ(text_.fold_key("AI  Hardware"), "ai hardware");
  EXPECT_EQ(text_.fold_key(" ai hardware "), "ai hardware");
  EXPECT_EQ(text_.fold_key("Straße"), text_.fold_key("STRASSE"));
  EXPECT_EQ(text_.fold_key("ＡＩ"), "ai");  // full-width
}

TEST_F(TextNormalizerTest, SlugsAreAscii) {
  EXPECT_EQ(text_.slug("Facebook AI"), "facebook-ai");
  EXPECT_EQ(text_.slug("Café Münster"), "cafe-munster");
  EXPECT_EQ(text_.slug("C++ / .NET"), "c-net");
  EXPECT_EQ(text_.slug("人工知能"), "ren-gong-zhi-neng");
  const std::string emoji = text_.slug("🙂");
  EXPECT_EQ(emoji.rfind("x-", 0), 0u);
  EXPECT_EQ(emoji, text_.slug("🙂"));
  EXPECT_NE(emoji, text_.slug("🙃"));
}

TEST_F(TextNormalizerTest, DomainsAreNormalised) {
  EXPECT_EQ(text_.domain("zdnet.com"), "zdnet.com");
  EXPECT_EQ(text_.domain("WWW.ZDNet.com."), "zdnet.com");
  EXPECT_EQ(text_.domain("https://www.zdnet.com/article/x"), "zdnet.com");
  EXPECT_EQ(text_.domain("zdnet.com/path"), "zdnet.com");
  EXPECT_EQ(text_.domain("bücher.de"), "xn--bcher-kva.de");
  EXPECT_EQ(text_.domain("   "), std::nullopt);
}

TEST(TrimTest, TrimsUnicodeWhiteSpace) {
  EXPECT_EQ(trim(" \t a b \n"), "a b");
  EXPECT_EQ(trim("\xE3\x80\x80x\xE3\x80\x80"), "x");  // ideographic space
  EXPECT_EQ(trim(""), "");
}

}  // namespace
}  // namespace articledb::normalize
