# Configures + builds the libFuzzer target with clang into BUILD_DIR, then fuzzes for SECONDS
# seconds with the fixtures as seeds. Fails on any crash, leak, timeout or build error.
foreach(var SOURCE_DIR BUILD_DIR CLANGXX SEEDS SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_libfuzzer.cmake: ${var} not set")
    endif()
endforeach()

execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/fuzz/standalone -B ${BUILD_DIR} -G Ninja
            -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
            -DRENKEI_SOURCE_DIR=${SOURCE_DIR}
    RESULT_VARIABLE result)
if(result)
    message(FATAL_ERROR "configuring the clang fuzz build failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} RESULT_VARIABLE result)
if(result)
    message(FATAL_ERROR "building the libFuzzer target failed")
endif()

# libFuzzer adds what it finds to the first corpus folder; keep that in the build tree and
# the (read-only) fixtures second.
file(MAKE_DIRECTORY ${BUILD_DIR}/corpus ${BUILD_DIR}/artifacts)
execute_process(
    # DCMTK allocates what an element length claims before reading it (4 GiB at most, with
    # nothrow new, failing cleanly); ASan may return null and the malloc limit sits above that.
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=allocator_may_return_null=1
            ${BUILD_DIR}/fuzz_dicom -max_total_time=${SECONDS} -timeout=20 -rss_limit_mb=2560
            -malloc_limit_mb=8192
            -max_len=65536 -print_final_stats=1 -artifact_prefix=${BUILD_DIR}/artifacts/
            ${BUILD_DIR}/corpus ${SEEDS}
    RESULT_VARIABLE result)
if(result)
    message(FATAL_ERROR "fuzz_dicom found a failure; see ${BUILD_DIR}/artifacts")
endif()
