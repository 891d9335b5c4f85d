# lz_add_test(<name> SOURCES <files...> LABELS <labels...> LIBS <targets...>)
# One Qt Test program per test file; CTest labels let a part run alone (ctest -L core).
function(lz_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LABELS;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT 300
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LZ_SOURCE_DIR=${PROJECT_SOURCE_DIR};LZ_BIN_DIR=${CMAKE_BINARY_DIR}/bin")
endfunction()
