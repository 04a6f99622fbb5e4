// YAML values as JSON, typed by YAML's core schema.
#ifndef ARTICLEDB_RECORD_YAML_JSON_H_
#define ARTICLEDB_RECORD_YAML_JSON_H_

#include <nlohmann/json.hpp>

#include "frontmatter/yaml_tree.h"

namespace articledb::record {

/// `node` as JSON. Plain scalars take the type the YAML 1.2 core schema gives them
/// (null, true/false, integers, floats; everything else, timestamps included, is a string);
/// quoted scalars are strings. Integers beyond 64 bits and .inf/.nan stay strings, so no
/// value is altered.
nlohmann::ordered_json to_json(const frontmatter::Node& node);

}  // namespace articledb::record

#endif  // ARTICLEDB_RECORD_YAML_JSON_H_
