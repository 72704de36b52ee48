# ctest: planrules batch over generated populations must reproduce the generator's truth exactly
# (per-rule counts overall and per municipality, key figures, malformed lines), and the engine's
# per-plan outcomes must match the generator's per-plan truth (check_truth.py, a small population).
#   cmake -DGENERATE=… -DPLANRULES=… -DPYTHON=… -DSOURCE=… -DWORK=… -P batch_truth_test.cmake
file(MAKE_DIRECTORY ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

# count, seed, as-of, threads, extra generator options
set(cases
  "20000|11|2024-06-01|2|"
  "20000|5|2022-06-01|3|"
  "20000|9|2023-02-28|4|--rate,all=0.3,--malformed,0.02"
  "5000|17|2025-08-31|1|--rate,all=0")
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 count)
  list(GET parts 1 seed)
  list(GET parts 2 as_of)
  list(GET parts 3 threads)
  list(LENGTH parts n)
  set(extra "")
  if(n GREATER 4)
    list(GET parts 4 extra)
    string(REPLACE "," ";" extra "${extra}")
  endif()
  message("population: ${count} plans, seed ${seed}, as of ${as_of}, ${threads} threads ${extra}")
  run(${GENERATE} --count ${count} --seed ${seed} --as-of ${as_of} ${extra}
      --out ${WORK}/plans.jsonl --truth ${WORK}/truth.json)
  execute_process(COMMAND ${PLANRULES} batch --rules ${SOURCE}/rules --as-of ${as_of} --threads ${threads}
                          --format json --no-progress ${WORK}/plans.jsonl
                  RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/batch.json ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "planrules batch failed (${rc}): ${err}")
  endif()
  run(${PYTHON} ${SOURCE}/bench/generator/compare_batch.py ${WORK}/truth.json ${WORK}/batch.json)
endforeach()

# per plan, through planrules validate
run(${GENERATE} --count 400 --seed 23 --as-of 2024-06-01 --malformed 0.02 --out ${WORK}/small.jsonl
    --truth ${WORK}/small.truth.json --truth-plans ${WORK}/small.plans.jsonl)
run(${PYTHON} ${SOURCE}/bench/generator/check_truth.py ${WORK}/small.jsonl ${WORK}/small.truth.json
    --planrules ${PLANRULES} --rules ${SOURCE}/rules --truth-plans ${WORK}/small.plans.jsonl)
