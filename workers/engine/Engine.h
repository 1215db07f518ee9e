#pragma once

#include "TensorMap.h"
#include "WeightSource.h"
#include "graph/ModelGraph.h"
#include "io/HostTensor.h"
#include "plan/Profile.h"
#include "tiling/TileGeometry.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace d3::engine {

class TorchModel;

/// Runs a ModelGraph with LibTorch on the CPU, in eval mode under InferenceMode, whole or as any cut range.
/// Torch-free interface (LibTorch stays private to this library). Const methods may be called from any one
/// thread at a time; create() is expensive (allocates and fills every weight).
class Engine
{
public:
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    /// Builds the model and fills its weights; nullptr with one line in *error (weights file problems name the
    /// file and the tensor). Never throws.
    static std::unique_ptr<Engine> create(const core::ModelGraph &graph, const WeightSource &weights, QString *error);

    /// The model this engine runs.
    const core::ModelGraph &graph() const;
    /// Where the weights came from.
    const WeightSource &weights() const;
    /// 16 hex digits identifying the weights (names, shapes and values): equal on every node that built the
    /// same model from the same seed or file.
    QString fingerprint() const;

    /// Runs layers [a, b) given exactly the tensors crossing cut a; returns the tensors crossing cut b.
    /// 0 <= a <= b <= n. On bad input (missing or extra tensor, wrong shape, range out of order) nullopt and
    /// one line in *error.
    std::optional<TensorMap> runRange(int a, int b, const TensorMap &crossingA, QString *error) const;
    /// Whole forward pass of one input of the model's input shape; returns the model output.
    std::optional<core::HostTensor> forward(const core::HostTensor &input, QString *error) const;

    /// Forward pass cut at the given ascending positions: [0, c1), [c1, c2), ..., [ck, n) chained through host
    /// tensors, as separate nodes would run it. Returns the model output.
    std::optional<core::HostTensor> forwardSplit(const core::HostTensor &input, const QVector<int> &cuts,
                                                 QString *error) const;

    /// Computes one tile alone from crops of the stack inputs (tensor id -> [C, h, w] at tile.regions[id]);
    /// returns the tile's [C, h, w] region of the stack output. nullopt and one line in *error on bad crops.
    std::optional<core::HostTensor> runTile(const core::Tile &tile, const TensorMap &crops, QString *error) const;

    /// The geometry's stack computed one tile after another from the crossing tensors at its first cut: each tile's
    /// inputs cropped (halo included), run alone, and pasted into the stitched stack output.
    std::optional<core::HostTensor> runTiles(const core::TileGeometry &geometry, const TensorMap &crossingAtBegin,
                                             QString *error) const;

    /// Outputs of a tiled forward pass.
    struct TiledOutput {
        core::HostTensor stackOutput; ///< the fused stack's output, stitched from its tiles
        core::HostTensor output;      ///< the model output
    };
    /// Forward pass with the device | edge | cloud cuts p <= q, where the edge runs the geometry's stack (which
    /// must start at p and end by q) tile by tile: [0, p), every tile from its own crops, stitch, [end, q), [q, n).
    std::optional<TiledOutput> forwardTiled(const core::HostTensor &input, int p, int q,
                                            const core::TileGeometry &geometry, QString *error) const;

    /// Measures every layer on its real inputs (one forward from the synthetic input of the weights' seed keeps
    /// every intermediate tensor): warmup untimed runs, then the median of runs timed runs of that layer alone,
    /// in milliseconds multiplied by slowdown (the padding a slowed worker applies). Blocks the calling thread
    /// for about (warmup + runs) forward passes. progress(done, layers) is called on that thread after each
    /// layer (done = 1..layers). Needs warmup >= 0, runs >= 1, slowdown >= 1; nullopt and one line in *error
    /// (if given) otherwise or on a torch failure.
    std::optional<core::Profile> profile(int warmup, int runs, double slowdown,
                                         std::function<void(int layer, int layers)> progress = {},
                                         QString *error = nullptr) const;

    /// Sets the number of intra-op threads LibTorch uses in this process (>= 1).
    static void setThreads(int threads);
    /// The current number of intra-op threads.
    static int threads();
    /// Lets LibTorch use oneDNN for convolutions (the default) or not: without it every convolution runs as im2col +
    /// GEMM on the BLAS. For measuring what oneDNN's kernel choices cost in bit-identity and what doing without
    /// costs in time (d3bench_engine, d3bench_tiling); process-wide.
    static void setOneDnnEnabled(bool enabled);
    /// Whether LibTorch may use oneDNN.
    static bool oneDnnEnabled();

    /// The torch-side model, for benchmarks and tests that link LibTorch themselves.
    const TorchModel &torchModel() const;

private:
    Engine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace d3::engine
