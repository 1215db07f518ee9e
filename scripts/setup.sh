#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing (Debian 12, apt-get) and build (Release, ninja).
# Idempotent: with everything installed and nothing changed, it costs a second or two.

D3_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
D3_BUILD="${D3_BUILD:-$D3_ROOT/build}"

# Debian packages d3lab needs to build, test and run.
D3_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libtorch-dev libqcustomplot-dev libgtest-dev libgmock-dev
  libopenblas0-openmp  # LibTorch's BLAS: Debian's alternatives pick it over the reference BLAS (docs/BENCHMARKS.md)
  libzstd-dev  # the shuffle-zstd wire codec (core/codec)
  libdnnl-dev  # oneDNN's header: the engine reports the instruction set LibTorch's convolutions run on
  python3-torch python3-torchvision python3-numpy
  clang libclang-rt-14-dev  # the libFuzzer target of tests/fuzz (scripts/fuzz_frames.sh)
  qt6-translations-l10n fonts-wqy-microhei  # the console in Simplified Chinese: Qt's own strings, CJK glyphs
  xvfb  # the console's screenshots (scripts/screenshots.sh) come from a real window on a virtual display
  ansible openssh-server openssh-client  # the deployment test: the playbook over ssh into the lab's namespaces
)

d3_missing_packages() {
  local missing=()
  for p in "${D3_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  echo "${missing[@]}"
}

# LibTorch links libblas.so.3, which Debian's alternatives resolve; installing libopenblas0-openmp makes OpenBLAS's
# OpenMP build (LibTorch's own threading) the automatic choice. Says so if the machine was set to another one.
d3_check_blas() {
  local blas
  blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)"
  case "$blas" in
    */openblas-openmp/*) ;;
    *) echo "d3lab: note: libblas.so.3 is $blas, not OpenBLAS's OpenMP build; layer times will differ from" \
            "docs/BENCHMARKS.md (update-alternatives --config libblas.so.3-x86_64-linux-gnu chooses)" >&2 ;;
  esac
}

d3_install() {
  local missing
  missing="$(d3_missing_packages)"
  [ -z "$missing" ] && { d3_check_blas; return 0; }
  echo "d3lab: installing $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "d3lab: need root (or sudo) to install: $missing" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing
  d3_check_blas
}

d3_build() {
  if [ ! -f "$D3_BUILD/build.ninja" ]; then
    cmake -S "$D3_ROOT" -B "$D3_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
  cmake --build "$D3_BUILD"
}
