// An article written back as a file: front matter and body.
#ifndef ARTICLEDB_RECORD_FRONT_MATTER_WRITER_H_
#define ARTICLEDB_RECORD_FRONT_MATTER_WRITER_H_

#include <string>

#include "articledb/article.h"

namespace articledb::record {

/// The file of an article: its fields as front matter (in articledb's key order, each value
/// as the file wrote it where it was repaired, `extra` keys after the fields) and its body as
/// stored. Imported again, it gives the same fields, `extra` and `repaired`.
std::string to_front_matter(const Article& article);

/// A path of Article::layout_json with each list index made "[]" ("related[1].provider" gives
/// "related[].provider"): the entry that stands for every entry of a list with the same keys.
std::string generic_path(const std::string& path);

}  // namespace articledb::record

#endif  // ARTICLEDB_RECORD_FRONT_MATTER_WRITER_H_
