#pragma once

#include <QString>
#include <QVector>

namespace d3::bench {

/// What d3bench_engine measured for one model: per-round wall times of each variant, in milliseconds.
struct ModelTiming {
    QString model;          ///< model name
    int layers = 0;         ///< n
    int cutP = 0;           ///< first cut of the split variant (n / 3)
    int cutQ = 0;           ///< second cut (2n / 3)
    qint64 bytesP = 0;      ///< bytes crossing cut p (float32), copied out to host memory and back in
    qint64 bytesQ = 0;      ///< bytes crossing cut q
    bool bitExact = false;  ///< engine and split outputs bit-identical to the plain forward's
    double maxAbsDiff = 0;  ///< largest |difference| of the engine or split output from the plain one
    QVector<double> plainMs;  ///< plain LibTorch forward, one entry per measured round
    QVector<double> engineMs; ///< Engine::forward
    QVector<double> splitMs;  ///< Engine::forwardSplit at {p, q}
    QString referenceBlas;    ///< the other BLAS, with --reference-blas (else empty)
    QVector<double> referenceBlasMs; ///< Engine::forward on the other BLAS (a child process), with --reference-blas
    double referenceBlasMaxAbsDiff = 0; ///< |difference| of its output from the engine output
    QVector<double> noOneDnnMs; ///< Engine::forward with oneDNN turned off, with --no-onednn-variant
    double noOneDnnMaxAbsDiff = 0; ///< |difference| of its output from the engine output
    bool noOneDnnBitExact = false; ///< its output bit-identical to the engine output
};

} // namespace d3::bench
