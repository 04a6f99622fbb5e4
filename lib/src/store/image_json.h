// Images as a JSON array, where a row keeps a list of them in one column (the logos of a
// related entry's provider): the keys of the front matter, then the image's own extra keys.
#ifndef ARTICLEDB_STORE_IMAGE_JSON_H_
#define ARTICLEDB_STORE_IMAGE_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "articledb/article.h"

namespace articledb::store {

std::string images_json(const std::vector<Image>& images);
/// The images of images_json(); an empty list for text that is not such an array.
std::vector<Image> images_from_json(std::string_view json);

}  // namespace articledb::store

#endif  // ARTICLEDB_STORE_IMAGE_JSON_H_
