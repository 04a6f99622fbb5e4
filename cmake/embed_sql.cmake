# Writes a C++ source holding every schema migration as a string literal.
# Run as: cmake -DSCHEMA_DIR=... -DOUTPUT=... -P embed_sql.cmake
file(GLOB migrations RELATIVE "${SCHEMA_DIR}" "${SCHEMA_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT migrations)
set(body "")
set(expected 1)
foreach(name IN LISTS migrations)
  string(SUBSTRING "${name}" 0 4 number)
  math(EXPR version "${number}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "schema migrations must be numbered 0001, 0002, ... without gaps; found ${name}")
  endif()
  math(EXPR expected "${expected} + 1")
  file(READ "${SCHEMA_DIR}/${name}" sql)
  string(FIND "${sql}" ")articledb_sql\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the literal delimiter )articledb_sql\"")
  endif()
  string(APPEND body "    {${version}, \"${name}\", R\"articledb_sql(${sql})articledb_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from schema/*.sql by cmake/embed_sql.cmake. Do not edit.
#include \"store/migrations.h\"

namespace articledb::store {

std::span<const Migration> migrations() {
  static constexpr Migration kAll[] = {
${body}  };
  return kAll;
}

}  // namespace articledb::store
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
