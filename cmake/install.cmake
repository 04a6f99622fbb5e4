# Installs the library, its headers and a CMake package: find_package(articledb CONFIG).
include(CMakePackageConfigHelpers)
install(TARGETS articledb EXPORT articledbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY lib/include/articledb DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(ARTICLEDB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/articledb)
install(EXPORT articledbTargets NAMESPACE articledb:: DESTINATION ${ARTICLEDB_CMAKE_DIR})
configure_package_config_file(cmake/articledbConfig.cmake.in
                              "${CMAKE_CURRENT_BINARY_DIR}/articledbConfig.cmake"
                              INSTALL_DESTINATION ${ARTICLEDB_CMAKE_DIR})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/articledbConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/articledbConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/articledbConfigVersion.cmake"
        DESTINATION ${ARTICLEDB_CMAKE_DIR})
