# Third-party libraries, all from Debian 12 packages (scripts/install-deps.sh). Front matter is
# parsed with libyaml; yaml-cpp is used by the tests (as a second, independent parser) and the
# parsing benchmarks only.
# cmake/articledbConfig.cmake.in repeats these lookups for consumers of the installed package.
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(md4c REQUIRED)
find_package(uriparser REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(libyaml REQUIRED IMPORTED_TARGET GLOBAL yaml-0.1)
find_package(LibXml2 REQUIRED)
pkg_check_modules(libxxhash REQUIRED IMPORTED_TARGET GLOBAL libxxhash)
