# Debian's Poco::DataPostgreSQL links PostgreSQL::client, which CMake's own
# FindPostgreSQL does not define: after find_package(PostgreSQL), this makes
# it stand for PostgreSQL::PostgreSQL. Used by the server's and the SDK's
# CMakeLists.txt and by the installed PaynextSDKConfig.cmake.
if(NOT TARGET PostgreSQL::client AND TARGET PostgreSQL::PostgreSQL)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()
