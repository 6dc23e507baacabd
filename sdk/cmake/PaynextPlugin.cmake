# paynext_add_plugin(NAME <name> SOURCES <files...> [LIBRARIES <targets...>])
# Builds paynext_<name>.so as a MODULE library against the SDK only, with
# hidden visibility and no undefined symbols, as the loader expects.
# Its sources other than export.cc (the entry point) are compiled once, as the
# OBJECT library paynext_<name>_objects: a plugin's unit tests link it rather
# than compiling the sources again.
function(paynext_add_plugin)
  cmake_parse_arguments(ARG "" "NAME;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "paynext_add_plugin needs NAME and SOURCES")
  endif()
  set(target paynext_${ARG_NAME})
  set(objects ${ARG_SOURCES})
  list(FILTER objects EXCLUDE REGEX "(^|/)export\\.cc$")
  set(entry ${ARG_SOURCES})
  list(FILTER entry INCLUDE REGEX "(^|/)export\\.cc$")

  add_library(${target}_objects OBJECT ${objects})
  target_link_libraries(${target}_objects PUBLIC PaynextSDK::sdk ${ARG_LIBRARIES})
  set_target_properties(${target}_objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)

  add_library(${target} MODULE ${entry} $<TARGET_OBJECTS:${target}_objects>)
  target_link_libraries(${target} PRIVATE PaynextSDK::sdk ${ARG_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  elseif(PAYNEXT_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${PAYNEXT_PLUGIN_OUTPUT_DIR})
  endif()
endfunction()
