# Runs an example program and checks both its exit status and its output, for ctest
# (PASS_REGULAR_EXPRESSION alone would ignore the exit status).
#   cmake -DCOMMAND="prog;arg;…" -DEXPECT_EXIT=1 -DEXPECT_OUTPUT=regex -P run_example.cmake
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT status STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_EXIT}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "the output does not match: ${EXPECT_OUTPUT}")
endif()
