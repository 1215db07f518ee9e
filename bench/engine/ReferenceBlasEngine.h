#pragma once

#include "io/HostTensor.h"

#include <QProcess>
#include <QString>

#include <memory>
#include <optional>

namespace d3::bench {

/// The engine of one model on another BLAS, for d3bench_engine's comparison: LibTorch loads libblas.so.3 once per
/// process, so this runs a child d3bench_engine (serve()) with LD_LIBRARY_PATH leading to the other BLAS's folders
/// (Debian's reference BLAS and LAPACK: /usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack; the
/// LAPACK too, or the chosen one would load its own BLAS beside). Each forward() asks the child for one
/// Engine::forward of the synthetic input of seed 1 and waits for it, so the parent times it as a variant of its
/// interleaved rounds (the pipe's round trip, tens of microseconds, is included).
class ReferenceBlasEngine
{
public:
    /// The argument that makes d3bench_engine serve instead of benchmarking (followed by MODEL OUTPUT.npy THREADS).
    static constexpr const char *kServeOption = "--serve-reference-blas";

    ~ReferenceBlasEngine();
    ReferenceBlasEngine(const ReferenceBlasEngine &) = delete;
    ReferenceBlasEngine &operator=(const ReferenceBlasEngine &) = delete;

    /// Starts the child for a built-in model with threads intra-op threads and blasDir (folders separated by ':')
    /// first on its library path, and waits until it has built the model and run it once. nullptr and one line in
    /// *error if the first folder has no libblas.so.3, the child fails, or it loaded the same BLAS as this process
    /// (the comparison would be void).
    static std::unique_ptr<ReferenceBlasEngine> start(const QString &model, int threads, const QString &blasDir,
                                                      QString *error);

    /// One forward pass in the child; false and one line in *error if it fails or takes over two minutes.
    bool forward(QString *error);
    /// The BLAS the child runs on (ComputePlatform::blas).
    QString blas() const { return m_blas; }
    /// The child's output of its first forward pass (to compare with this process's).
    const core::HostTensor &output() const { return m_output; }

    /// The child's side: builds MODEL, writes its output to the .npy file named by the argument after it, prints
    /// "ready\t<BLAS>" and answers every "forward" line with "ok" (or "error\t<message>"). Returns the exit code.
    static int serve(const QStringList &args);

private:
    ReferenceBlasEngine() = default;
    /// Reads one line from the child within the deadline; nullopt and one line in *error otherwise.
    std::optional<QString> readLine(int timeoutMs, QString *error);

    QProcess m_process;
    QString m_blas;
    core::HostTensor m_output;
};

} // namespace d3::bench
