// What a Database holds; shared by the parts of the library that use its connection.
#ifndef ARTICLEDB_STORE_DATABASE_IMPL_H_
#define ARTICLEDB_STORE_DATABASE_IMPL_H_

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

#include "articledb/database.h"

namespace articledb {

struct Database::Impl {
  std::filesystem::path path;
  OpenMode mode = OpenMode::kReadWrite;
  std::unique_ptr<SQLite::Database> db;
};

}  // namespace articledb

#endif  // ARTICLEDB_STORE_DATABASE_IMPL_H_
