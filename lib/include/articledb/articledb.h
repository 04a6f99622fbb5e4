// articledb: an embedded SQLite database and indexer for articles written as files with YAML
// front matter. Start here: Database opens a database file, Importer fills it.
#ifndef ARTICLEDB_ARTICLEDB_H_
#define ARTICLEDB_ARTICLEDB_H_

#include "articledb/article.h"
#include "articledb/database.h"
#include "articledb/error.h"
#include "articledb/importer.h"

#endif  // ARTICLEDB_ARTICLEDB_H_
