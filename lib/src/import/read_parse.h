// Second stage of an import, on the worker threads: read a file, hash it, and parse it when
// its content is new. Touches nothing shared but what it only reads.
#ifndef ARTICLEDB_IMPORT_READ_PARSE_H_
#define ARTICLEDB_IMPORT_READ_PARSE_H_

#include <cstdint>
#include <string>
#include <unordered_set>

#include "import/plan.h"
#include "normalize/text.h"
#include "record/article_parser.h"
#include "search/article_terms.h"
#include "store/article_writer.h"

namespace articledb::import {

/// A file read this close to its modification time may be changed again within the same
/// timestamp tick without its mtime moving, so its stat is not trusted until confirmed. File
/// systems with whole-second times get a wider window.
std::int64_t racy_window(std::int64_t mtime_ns);
bool is_racy(std::int64_t mtime_ns, std::int64_t read_ns);

/// What a thread that reads and parses files keeps between files.
struct WorkerTools {
  normalize::TextNormalizer text;
  search::Tokenizer tokenizer;
};

/// The terms the full-text index will hold for a parsed article, for the ranking statistics.
search::ArticleTerms terms_of(const record::ParsedArticle& parsed, search::Tokenizer& tokenizer);

struct WorkResult {
  enum class Kind {
    kSameContent,   ///< a known file whose content did not change
    kMovedContent,  ///< a new file with the content of an article whose file is gone: not parsed
    kParsed,
    kUnreadable,
  };
  Kind kind = Kind::kUnreadable;
  store::FileFacts facts;
  std::string data;  ///< kMovedContent: the file, in case it must be parsed after all
  record::ParseResult parse;
  search::ArticleTerms terms;  ///< kParsed articles, when the statistics are kept
  std::string error;           ///< kUnreadable

  /// Roughly the memory it holds.
  std::size_t bytes() const;
};

class ReadParseStage {
 public:
  /// `missing_hashes`: content hashes of the articles whose file is gone. `with_terms`: also
  /// compute each article's terms for the ranking statistics.
  ReadParseStage(const Plan& plan, const ImportOptions& options, const source::FileSystem& files,
                 const std::unordered_set<std::string>& missing_hashes, bool with_terms)
      : plan_(plan),
        options_(options),
        files_(files),
        missing_hashes_(missing_hashes),
        with_terms_(with_terms) {}

  /// Reads and, when needed, parses plan.to_read[index]. Thread-safe; `tools` are the calling
  /// thread's own.
  WorkResult run(std::size_t index, WorkerTools& tools) const;

  /// Parses the file held in `result.data` (and releases it).
  void parse(const WorkItem& item, WorkResult& result, WorkerTools& tools) const;

 private:
  const std::string* known_hash(std::size_t index) const;

  const Plan& plan_;
  const ImportOptions& options_;
  const source::FileSystem& files_;
  const std::unordered_set<std::string>& missing_hashes_;
  bool with_terms_;
};

}  // namespace articledb::import

#endif  // ARTICLEDB_IMPORT_READ_PARSE_H_
