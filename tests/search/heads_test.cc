// The bits that say which heads hold an article, and the walk over the heads that meets each
// article once.
#include "search/heads.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "search/ranker.h"

namespace articledb::search {
namespace {

std::vector<Posting> head_of(const std::vector<std::int64_t>& ids) {
  std::vector<Posting> head;
  for (const std::int64_t id : ids) {
    head.push_back({id, static_cast<std::uint32_t>(id % 7 + 1), static_cast<std::uint32_t>(id)});
  }
  return head;
}

TEST(HeadBitsTest, FindsThePlaceOfEachPostingAndNoOther) {
  // Ids in several words of bits, at their edges too.
  const std::vector<std::int64_t> ids = {3, 5, 66, 67, 130, 200, 1000};
  const std::vector<Posting> head = head_of(ids);
  const HeadBits bits(head, 3, 998);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_TRUE(bits.contains(ids[i])) << ids[i];
    EXPECT_EQ(bits.find(ids[i]), i) << ids[i];
  }
  for (const std::int64_t id : {4, 6, 65, 68, 129, 131, 199, 999}) {
    EXPECT_FALSE(bits.contains(id)) << id;
    EXPECT_EQ(bits.find(id), HeadBits::npos) << id;
  }
}

TEST(HeadBitsTest, IdsNeedNotStartAtOne) {
  const std::int64_t far = std::int64_t{1} << 40;
  const std::vector<Posting> head = head_of({far, far + 63, far + 64});
  const HeadBits bits(head, far - 10, 75);
  EXPECT_EQ(bits.find(far), 0u);
  EXPECT_EQ(bits.find(far + 63), 1u);
  EXPECT_EQ(bits.find(far + 64), 2u);
  EXPECT_FALSE(bits.contains(far + 1));
}

TEST(HeadBitsTest, ResetKeepsNothingOfTheHeadBefore) {
  HeadBits bits(head_of({3, 64, 70, 500}), 1, 600);
  const std::size_t held = bits.bytes();
  const std::vector<Posting> head = head_of({10, 64, 65});
  bits.reset(head, 5, 100);  // a narrower span over other ids: the same memory
  const HeadBits fresh(head, 5, 100);
  for (std::int64_t id = 5; id < 105; ++id) {
    EXPECT_EQ(bits.contains(id), fresh.contains(id)) << id;
    EXPECT_EQ(bits.find(id), fresh.find(id)) << id;
  }
  bits.reset({}, 5, 0);
  EXPECT_EQ(bits.bytes(), held) << "the memory is kept for the next head";
}

TEST(RankScratchTest, KeepsItsMemoryUpToItsBoundAndReleasesItAllBeyond) {
  RankScratch scratch;
  scratch.heads.resize(2);
  scratch.heads[0].reserve(1000);
  scratch.bits.resize(1);
  scratch.bits[0].reset(head_of({1, 2}), 1, 64 * 1000);
  scratch.trim();
  EXPECT_GE(scratch.heads.at(0).capacity(), 1000u);
  EXPECT_EQ(scratch.bits.size(), 1u);
  scratch.heads[1].reserve(RankScratch::kMaxBytes / sizeof(Posting));
  scratch.trim();
  EXPECT_TRUE(scratch.heads.empty());
  EXPECT_TRUE(scratch.bits.empty());
}

// Three heads; every article met once, from the first driver whose head holds it, with the
// set of heads it is in.
TEST(EachArticleTest, MeetsEachArticleOnceWithTheHeadsThatHoldIt) {
  const std::vector<Posting> a = head_of({1, 2, 3, 5});
  const std::vector<Posting> b = head_of({2, 3, 4});
  const std::vector<Posting> c = head_of({3, 5, 6});
  const std::vector<const std::vector<Posting>*> heads = {&a, &b, &c};
  std::vector<HeadBits> bits;
  for (const auto* head : heads) bits.emplace_back(*head, 1, 6);
  auto walk = [&](std::uint32_t drivers) {
    std::vector<std::pair<std::int64_t, std::uint32_t>> met;
    each_article(heads, bits, drivers,
                 [&](const Posting& posting, std::uint32_t known, std::size_t driver) {
                   // The posting given is the driver's own.
                   EXPECT_EQ(posting.frequency, static_cast<std::uint32_t>(posting.id % 7 + 1));
                   EXPECT_NE(known >> driver & 1u, 0u);
                   EXPECT_EQ(known & drivers & ((1u << driver) - 1), 0u);
                   met.emplace_back(posting.id, known);
                 });
    return met;
  };
  using Met = std::vector<std::pair<std::int64_t, std::uint32_t>>;
  EXPECT_EQ(walk(0b011), (Met{{1, 0b001}, {2, 0b011}, {3, 0b111}, {5, 0b101}, {4, 0b010}}));
  EXPECT_EQ(walk(0b111),
            (Met{{1, 0b001}, {2, 0b011}, {3, 0b111}, {5, 0b101}, {4, 0b010}, {6, 0b100}}));
  EXPECT_EQ(walk(0b100), (Met{{3, 0b111}, {5, 0b101}, {6, 0b100}}));
  EXPECT_EQ(walk(0b110), (Met{{2, 0b011}, {3, 0b111}, {4, 0b010}, {5, 0b101}, {6, 0b100}}));
  EXPECT_TRUE(walk(0).empty());
}

// A term in many articles but seldom in titles gets a head of an eighth of its articles, so
// that a query of several such terms finds enough articles in all their heads.
TEST(MinHeadTest, GrowsWithTheTermsArticlesBetweenItsBounds) {
  EXPECT_EQ(min_head(kHeadMinDf), kMinHead);
  EXPECT_EQ(min_head(8 * 4096), kMinHead);
  EXPECT_EQ(min_head(248'895), 31'111u);
  EXPECT_EQ(min_head(8 * 65'536), kMaxHead);
  EXPECT_EQ(min_head(1'000'000), kMaxHead);
}

}  // namespace
}  // namespace articledb::search
