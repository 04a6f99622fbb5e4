// The one error type of the articledb API.
#ifndef ARTICLEDB_ERROR_H_
#define ARTICLEDB_ERROR_H_

#include <stdexcept>
#include <string>
#include <string_view>

namespace articledb {

/// What kind of failure an Error reports; lets a caller react without parsing messages.
enum class ErrorCode {
  kInvalidArgument,  ///< the caller passed something unusable (a missing import root, ...)
  kIo,               ///< a file or folder could not be opened, read or created
  kBusy,             ///< the database is locked by another writer for longer than the timeout
  kReadOnly,         ///< a write was attempted on a database opened read-only
  kNotArticleDb,     ///< the file is not an articledb database (or not SQLite at all)
  kSchemaTooNew,     ///< the database was written by a newer articledb
  kSchemaTooOld,     ///< the database needs a migration, but was opened read-only
  kCorrupt,          ///< SQLite reports the file as damaged
  kQuerySyntax,      ///< a raw full-text query that SQLite's FTS5 rejects
  kNotFound,         ///< no article with the requested id, path or URL
  kDatabase,         ///< any other SQLite failure
  kQueryTooComplex,  ///< a query past one of the QueryLimits (the message says which)
};

/// Returns a stable lower-case name for `code`, e.g. "busy".
std::string_view to_string(ErrorCode code) noexcept;

/// Every function of the API reports failure by throwing Error (never a third-party
/// exception). The message says what went wrong and, where it can, what to do about it.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace articledb

#endif  // ARTICLEDB_ERROR_H_
