#include "query/filter_lists.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace articledb::query {
namespace {

std::vector<std::int64_t> ids(std::size_t n, std::int64_t first = 1) {
  std::vector<std::int64_t> out(n);
  std::iota(out.begin(), out.end(), first);
  return out;
}

TEST(FilterListsTest, AFilterIsReadFromItsSecondUseAndKeptWhileTheDatabaseIsUnchanged) {
  FilterLists lists;
  lists.begin({5, 0});
  EXPECT_FALSE(lists.used_again("topic a"));
  EXPECT_EQ(lists.find("topic a"), nullptr);
  EXPECT_TRUE(lists.used_again("topic a"));
  lists.keep("topic a", ids(3));
  lists.begin({5, 0});
  ASSERT_NE(lists.find("topic a"), nullptr);
  EXPECT_EQ(*lists.find("topic a"), ids(3));
  EXPECT_EQ(lists.find("topic b"), nullptr);
}

TEST(FilterListsTest, ListsAndCountsAreForgottenWhenTheDatabaseChanges) {
  for (const FilterLists::Version changed :
       {FilterLists::Version{6, 0}, FilterLists::Version{5, 1}}) {
    FilterLists lists;
    lists.begin({5, 0});
    lists.keep("topic a", ids(3));
    EXPECT_FALSE(lists.used_again("topic b"));
    lists.begin(changed);  // another connection committed, or this one wrote
    EXPECT_EQ(lists.find("topic a"), nullptr);
    EXPECT_EQ(lists.ids(), 0u);
    EXPECT_FALSE(lists.used_again("topic b")) << "its first use since the change";
  }
}

TEST(FilterListsTest, AFilterOfTooManyArticlesIsNotCountedAgain) {
  FilterLists lists;
  lists.begin({1, 1});
  lists.used_again("provider p");
  ASSERT_TRUE(lists.used_again("provider p"));
  lists.never_keep("provider p");
  EXPECT_FALSE(lists.used_again("provider p"));
  EXPECT_FALSE(lists.used_again("provider p"));
  EXPECT_EQ(lists.keep("huge", ids(FilterLists::kMaxIds + 1)), nullptr);
  EXPECT_EQ(lists.find("huge"), nullptr);
}

TEST(FilterListsTest, KeepsTheMostRecentlyUsedListsWithinItsBound) {
  FilterLists lists;
  lists.begin({1, 0});
  const std::size_t third = FilterLists::kMaxIds / 3;
  lists.keep("a", ids(third));
  lists.keep("b", ids(third));
  lists.keep("c", ids(third));
  ASSERT_NE(lists.find("a"), nullptr);  // now the most recently used: "b" is the least
  lists.keep("d", ids(third));
  EXPECT_EQ(lists.find("b"), nullptr);
  EXPECT_NE(lists.find("a"), nullptr);
  EXPECT_NE(lists.find("c"), nullptr);
  EXPECT_NE(lists.find("d"), nullptr);
  EXPECT_LE(lists.ids(), FilterLists::kMaxIds);
}

}  // namespace
}  // namespace articledb::query
