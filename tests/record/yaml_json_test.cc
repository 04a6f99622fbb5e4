#include "record/yaml_json.h"

#include <gtest/gtest.h>

namespace articledb::record {
namespace {

std::string json_of(std::string_view yaml) {
  auto result = frontmatter::parse_yaml(yaml, 1);
  if (auto* error = std::get_if<frontmatter::YamlError>(&result)) return "error: " + error->message;
  return to_json(std::get<frontmatter::Node>(result)).dump();
}

TEST(YamlJsonTest, TypesPlainScalarsByTheCoreSchema) {
  EXPECT_EQ(
      json_of("a: 12\nb: -3\nc: 4.65625\nd: true\ne: False\nf: ~\ng:\nh: 0x1F\ni: 1e3\n"),
      R"({"a":12,"b":-3,"c":4.65625,"d":true,"e":false,"f":null,"g":null,"h":31,"i":1000.0})");
}

TEST(YamlJsonTest, QuotedScalarsAndOtherTextStayStrings) {
  EXPECT_EQ(json_of("a: \"12\"\nb: 'true'\nc: PT13M57S\nd: 2022-09-13T20:38:00Z\ne: yes\n"),
            R"({"a":"12","b":"true","c":"PT13M57S","d":"2022-09-13T20:38:00Z","e":"yes"})");
}

TEST(YamlJsonTest, KeepsValuesJsonCannotHoldExactly) {
  EXPECT_EQ(json_of("a: 123456789012345678901234567890\nb: .inf\nc: .nan\n"),
            R"({"a":"123456789012345678901234567890","b":".inf","c":".nan"})");
}

TEST(YamlJsonTest, KeepsKeyOrderAndNesting) {
  EXPECT_EQ(json_of("z: [1, {y: 2}]\na: {b: c}\n"), R"({"z":[1,{"y":2}],"a":{"b":"c"}})");
}

}  // namespace
}  // namespace articledb::record
