// articledb: an embedded SQLite database and indexer for articles written as files with YAML
// front matter. Start here: Database opens a database file and answers queries (article(),
// list(), search(), topics(), providers()); Importer fills it. Errors: articledb/error.h.
#ifndef ARTICLEDB_ARTICLEDB_H_
#define ARTICLEDB_ARTICLEDB_H_

#include "articledb/article.h"
#include "articledb/database.h"
#include "articledb/error.h"
#include "articledb/importer.h"
#include "articledb/query.h"

#endif  // ARTICLEDB_ARTICLEDB_H_
