// Searches an articledb database and prints the time and title of each hit.
#include <articledb/articledb.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_titles DATABASE QUERY\n";
    return 2;
  }
  try {
    const articledb::Database db(argv[1], {.mode = articledb::OpenMode::kReadOnly});
    articledb::SearchOptions options;
    options.limit = 10;
    for (const articledb::SearchHit& hit : db.search(argv[2], options).hits) {
      const auto& time = hit.article.published_at;
      std::cout << (time ? articledb::format_timestamp(*time) : std::string(20, ' ')) << "  "
                << hit.article.title << '\n';
    }
  } catch (const articledb::Error& e) {
    std::cerr << "search_titles: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
