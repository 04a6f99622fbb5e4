// Writes N synthetic articles into a folder, for timing whole imports from the command line:
//   articledb_make_articles FOLDER N
#include <cstdlib>
#include <iostream>
#include <string>

#include "synthetic.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: articledb_make_articles FOLDER COUNT\n";
    return 2;
  }
  articledb::bench::write_synthetic_articles(argv[1], std::stoul(argv[2]));
  return 0;
}
