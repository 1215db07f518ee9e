#pragma once

#include <QString>
#include <QVector>

namespace d3::bench {

/// What d3bench_codec measured on one model: the bytes of every cut's crossing tensors raw and under each codec,
/// and the codecs' speed on one core over the model's largest crossing tensor.
struct CodecTiming {
    /// One cut position.
    struct Cut {
        int position = 0;       ///< the cut (1..n-1)
        qint64 raw = 0;         ///< float32 bytes crossing it
        qint64 zero = 0;        ///< the same under "zero"
        qint64 zstd = 0;        ///< the same under "shuffle-zstd"
        double zeroFraction = 0; ///< share of the crossing values that are +0.0
    };
    QString model;              ///< the model's name
    QVector<Cut> cuts;          ///< every cut, in order
    qint64 largest = 0;         ///< raw bytes of the largest crossing tensor (the speed sample)
    double zeroEncodeGBs = 0;   ///< median GB/s (raw bytes per second) over the runs
    double zeroDecodeGBs = 0;   ///< idem
    double zstdEncodeGBs = 0;   ///< idem
    double zstdDecodeGBs = 0;   ///< idem
};

} // namespace d3::bench
