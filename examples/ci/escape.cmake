# escape.cmake - turn gcc-escape on for a CMake build of C code: include(escape.cmake) in CMakeLists.txt.
#
#     cmake -B build -DESCAPE=ON && cmake --build build && cmake --build build --target escape-report
#
# Every C compile loads the plugin and writes its translation unit's SARIF
# log into ${ESCAPE_DIR}; the escape-report target merges them into one
# run (escape.sarif, for GitHub code scanning) and a GitLab Code Quality
# report.  ESCAPE_PLUGIN is "escape" once `make install` has put it in
# GCC's plugin directory, or a path to escape.so.

option(ESCAPE "Analyse the build with the gcc-escape GCC plugin" OFF)
set(ESCAPE_PLUGIN "escape" CACHE STRING "-fplugin= value for gcc-escape")
set(ESCAPE_TOOL "gcc-escape" CACHE STRING "the gcc-escape command-line tool")
set(ESCAPE_DIR "${CMAKE_BINARY_DIR}/escape-logs" CACHE PATH "where each unit's SARIF log goes")

if(ESCAPE)
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "gcc-escape is a GCC plugin; CMAKE_C_COMPILER is ${CMAKE_C_COMPILER_ID}")
  endif()
  file(MAKE_DIRECTORY "${ESCAPE_DIR}")
  add_compile_options("$<$<COMPILE_LANGUAGE:C>:-fplugin=${ESCAPE_PLUGIN}>"
                      "$<$<COMPILE_LANGUAGE:C>:-fplugin-arg-escape-sarif=${ESCAPE_DIR}/>")
  add_custom_target(escape-report
    COMMAND sh -c "${ESCAPE_TOOL} merge -o escape.sarif '${ESCAPE_DIR}'/*.sarif"
    COMMAND sh -c "${ESCAPE_TOOL} merge --format=codequality -o gl-code-quality.json '${ESCAPE_DIR}'/*.sarif"
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "Merging gcc-escape's SARIF logs into escape.sarif and gl-code-quality.json")
endif()
