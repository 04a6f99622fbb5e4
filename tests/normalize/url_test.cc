#include "normalize/url.h"

#include <gtest/gtest.h>

namespace articledb::normalize {
namespace {

TEST(CanonicalUrlTest, LowerCasesSchemeAndHostAndDropsDefaultPort) {
  EXPECT_EQ(canonical_url("HTTPS://WWW.Example.COM:443/Path/Case"),
            "https://www.example.com/Path/Case");
  EXPECT_EQ(canonical_url("http://example.com:80"), "http://example.com/");
  EXPECT_EQ(canonical_url("http://example.com:8080/x"), "http://example.com:8080/x");
}

TEST(CanonicalUrlTest, DropsFragmentAndTrackingParameters) {
  EXPECT_EQ(canonical_url("https://example.com/a?utm_source=x&id=5&fbclid=abc&UTM_Medium=y#top"),
            "https://example.com/a?id=5");
  EXPECT_EQ(canonical_url("https://example.com/a?utm_source=x"), "https://example.com/a");
  EXPECT_EQ(canonical_url("https://www.nasdaq.com/articles/x?amp"),
            "https://www.nasdaq.com/articles/x?amp");
}

TEST(CanonicalUrlTest, NormalisesPathSyntax) {
  EXPECT_EQ(canonical_url("https://example.com/a/./b/../c"), "https://example.com/a/c");
  EXPECT_EQ(canonical_url("https://example.com/%7euser"), "https://example.com/~user");
}

TEST(CanonicalUrlTest, RejectsRelativeAndOtherSchemes) {
  EXPECT_EQ(canonical_url("/assets/images/x.jpg"), std::nullopt);
  EXPECT_EQ(canonical_url("mailto:a@example.com"), std::nullopt);
  EXPECT_EQ(canonical_url("not a url"), std::nullopt);
  EXPECT_EQ(canonical_url(""), std::nullopt);
}

}  // namespace
}  // namespace articledb::normalize
