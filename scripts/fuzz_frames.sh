#!/usr/bin/env bash
# Fuzzes the wire frame parser (FrameParser + TensorCodec::decode) and the wire codecs' decoders (core/codec)
# with libFuzzer for SECONDS (default 60).
# Builds tests/fuzz with clang (ASan + UBSan) in $D3_FUZZ_BUILD (default build-fuzz/), keeps the corpus it grows
# there, starts from the seeds in tests/fuzz/corpus/, and exits non-zero if libFuzzer finds a crash, leak,
# timeout or sanitizer report (the input is saved under $D3_FUZZ_BUILD/artifacts/). Extra arguments go to
# libFuzzer (e.g. -jobs=2 -workers=2). clang and the libFuzzer runtime come from scripts/setup.sh.
set -euo pipefail

D3_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${D3_FUZZ_BUILD:-$D3_ROOT/build-fuzz}"
DURATION="${1:-60}"
shift || true
CXX_FUZZ="${D3_FUZZ_CXX:-clang++}"

if ! command -v "$CXX_FUZZ" >/dev/null; then
  echo "fuzz_frames: $CXX_FUZZ not found; install clang and libclang-rt-14-dev (./test.sh or scripts/setup.sh)" >&2
  exit 1
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  probe="$(mktemp -d)"
  echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }' >"$probe/p.cpp"
  if ! "$CXX_FUZZ" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
    cat "$probe/err" >&2
    echo "fuzz_frames: $CXX_FUZZ cannot link -fsanitize=fuzzer; install libclang-rt-14-dev (scripts/setup.sh)" >&2
    rm -rf "$probe"
    exit 1
  fi
  rm -rf "$probe"
  cmake -S "$D3_ROOT/tests/fuzz" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="$CXX_FUZZ" >/dev/null
fi
cmake --build "$BUILD" >/dev/null

mkdir -p "$BUILD/corpus" "$BUILD/artifacts"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# No allocation stacks while fuzzing: recording them grows RSS without bound (about 150 MB per million runs, past
# libFuzzer's 2 GB limit within the hour) and halves the speed. Rerun an artifact alone to see them.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
echo "fuzz_frames: ${DURATION}s, corpus $BUILD/corpus (+ seeds tests/fuzz/corpus)" >&2
"$BUILD/d3_frame_fuzz" -max_total_time="$DURATION" -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$BUILD/artifacts/" "$@" "$BUILD/corpus" "$D3_ROOT/tests/fuzz/corpus"
