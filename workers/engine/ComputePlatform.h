#pragma once

#include <QJsonObject>
#include <QString>

namespace d3::engine {

/// What decides the engine's numbers on this machine: the CPU, the instruction set LibTorch's kernels run on, the
/// BLAS library it calls and the thread count. Two outputs of the same model on the same input are comparable bit
/// for bit only where all of these are the same (docs/ARCHITECTURE.md, Exactness). Torch-free.
struct ComputePlatform {
    QString cpu;            ///< the CPU's model name (/proc/cpuinfo), or the architecture
    int cores = 0;          ///< logical cores this process may use
    QString os;             ///< the operating system's pretty name
    QString onednnIsa;      ///< the instruction set oneDNN's kernels use, e.g. "avx2", "avx512_core_bf16"
    bool onednnEnabled = true; ///< LibTorch may send convolutions to oneDNN (Engine::setOneDnnEnabled)
    QString atenCapability; ///< the vector width of ATen's own CPU kernels: "DEFAULT", "AVX2" or "AVX512"
    QString blas;           ///< the BLAS LibTorch calls, e.g. "OpenBLAS 0.3.21 (Zen, OpenMP)" or "reference BLAS"
    QString blasLibrary;    ///< the file whose sgemm_ LibTorch calls (the libblas.so.3 alternative, resolved)
    int threads = 0;        ///< LibTorch's intra-op threads now (the BLAS follows them)

    /// This process's platform: the thread count and oneDNN switch as they are now, the rest read once per process
    /// (thread-safe).
    static ComputePlatform current();
    /// "CPU, N cores, OS, BLAS": where a profile or a figure was measured.
    QString machine() const;
    /// "CPU, oneDNN ISA (or off), BLAS, N thread(s)": what decides whether two outputs are bit-identical.
    QString kernels() const;
    /// The fields as JSON: cpu, cores, os, cpu_isa (oneDNN's), onednn, aten_cpu_capability, blas, blas_library,
    /// threads.
    QJsonObject toJson() const;
};

} // namespace d3::engine
