#include "TensorCodec.h"

#include <QCborArray>
#include <QtEndian>

#include <cstring>

namespace d3::core {
namespace {

const QString kTensors = QStringLiteral("tensors");

} // namespace

void TensorCodec::encode(const QMap<int, HostTensor> &tensors, Frame *frame)
{
    QCborArray list;
    QByteArray payload;
    for (auto it = tensors.begin(); it != tensors.end(); ++it) {
        const HostTensor &t = it.value();
        QCborArray shape;
        for (qint64 d : t.shape)
            shape.append(d);
        list.append(QCborMap{{QStringLiteral("id"), it.key()},
                             {QStringLiteral("dtype"), QStringLiteral("f32")},
                             {QStringLiteral("shape"), shape},
                             {QStringLiteral("offset"), qint64(payload.size())},
                             {QStringLiteral("bytes"), t.bytes()}});
        const qsizetype at = payload.size();
        payload.resize(at + qsizetype(t.bytes()));
        char *out = payload.data() + at;
        if (QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            std::memcpy(out, t.values.data(), size_t(t.bytes()));
        } else {
            for (size_t i = 0; i < t.values.size(); ++i)
                qToLittleEndian(t.values[i], out + 4 * i);
        }
    }
    frame->header.insert(kTensors, list);
    frame->payload = payload;
}

std::optional<QMap<int, HostTensor>> TensorCodec::decode(const Frame &frame, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("bad tensor list: ") + why;
        return std::nullopt;
    };
    const QCborValue listValue = frame.header.value(kTensors);
    if (!listValue.isArray())
        return fail(QStringLiteral("no 'tensors' array"));
    QMap<int, HostTensor> tensors;
    qint64 expectedOffset = 0;
    for (const QCborValue &v : listValue.toArray()) {
        const QCborMap m = v.toMap();
        const qint64 id = m.value(QStringLiteral("id")).toInteger(-1);
        if (id < 0 || id > (1 << 20) || tensors.contains(int(id)))
            return fail(QStringLiteral("missing, invalid or repeated id %1").arg(id));
        if (m.value(QStringLiteral("dtype")).toString() != QLatin1String("f32"))
            return fail(QStringLiteral("tensor %1: dtype must be f32").arg(id));
        const QCborArray shape = m.value(QStringLiteral("shape")).toArray();
        if (shape.isEmpty() || shape.size() > 4)
            return fail(QStringLiteral("tensor %1: shape must have 1 to 4 dimensions").arg(id));
        HostTensor t;
        qint64 elements = 1;
        for (const QCborValue &d : shape) {
            const qint64 dim = d.toInteger(-1);
            if (dim < 1 || dim > kMaxElements || elements > kMaxElements / dim)
                return fail(QStringLiteral("tensor %1: bad or too large shape").arg(id));
            t.shape << dim;
            elements *= dim;
        }
        const qint64 offset = m.value(QStringLiteral("offset")).toInteger(-1);
        const qint64 bytes = m.value(QStringLiteral("bytes")).toInteger(-1);
        if (bytes != elements * 4)
            return fail(QStringLiteral("tensor %1: %2 bytes for %3 elements").arg(id).arg(bytes).arg(elements));
        if (offset != expectedOffset || offset + bytes > frame.payload.size())
            return fail(QStringLiteral("tensor %1: offset %2 and size %3 do not fit the %4-byte payload")
                            .arg(id).arg(offset).arg(bytes).arg(frame.payload.size()));
        t.values.resize(size_t(elements));
        const char *in = frame.payload.constData() + offset;
        if (QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            std::memcpy(t.values.data(), in, size_t(bytes));
        } else {
            for (qint64 i = 0; i < elements; ++i)
                t.values[size_t(i)] = qFromLittleEndian<float>(in + 4 * i);
        }
        expectedOffset = offset + bytes;
        tensors.insert(int(id), std::move(t));
    }
    if (expectedOffset != frame.payload.size())
        return fail(QStringLiteral("%1 payload bytes are not described by any tensor").arg(frame.payload.size() - expectedOffset));
    return tensors;
}

} // namespace d3::core
