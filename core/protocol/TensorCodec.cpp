#include "TensorCodec.h"

#include "io/ImageBytes.h"

#include <QCborArray>
#include <QtEndian>

#include <cstring>

namespace d3::core {
namespace {

const QString kTensors = QStringLiteral("tensors");

/// The integer v holds, or -1 for anything else: a double is refused, not cast (QCborValue::toInteger would cast
/// it, undefined behaviour for 1e300 or NaN from an untrusted header).
qint64 integerOr(const QCborValue &v)
{
    return v.isInteger() ? v.toInteger() : -1;
}

} // namespace

void TensorCodec::encode(const QMap<int, HostTensor> &tensors, Frame *frame)
{
    QCborArray list;
    QByteArray payload;
    if (tensors.size() > 1) {
        qint64 total = 0;
        for (const HostTensor &t : tensors)
            total += t.bytes();
        payload.reserve(qsizetype(total));
    }
    for (auto it = tensors.begin(); it != tensors.end(); ++it) {
        const HostTensor &t = it.value();
        QCborArray shape;
        for (qint64 d : t.shape)
            shape.append(d);
        // The raw input travels as bytes when it is an 8-bit image (ImageBytes), exactly as it was.
        const bool image = it.key() == 0 && ImageBytes::fits(t);
        const QByteArray packed = image ? ImageBytes::pack(t) : QByteArray();
        list.append(QCborMap{{QStringLiteral("id"), it.key()},
                             {QStringLiteral("dtype"), image ? QStringLiteral("u8") : QStringLiteral("f32")},
                             {QStringLiteral("shape"), shape},
                             {QStringLiteral("offset"), qint64(payload.size())},
                             {QStringLiteral("bytes"), image ? qint64(packed.size()) : t.bytes()}});
        if (image) {
            payload.append(packed);
            continue;
        }
        if (tensors.size() == 1 && QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            payload = t.values.toByteArray(); // the tensor's own bytes, shared: no copy
            continue;
        }
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
        const qint64 id = integerOr(m.value(QStringLiteral("id")));
        if (id < 0 || id > (1 << 20) || tensors.contains(int(id)))
            return fail(QStringLiteral("missing, invalid or repeated id %1").arg(id));
        const QString dtype = m.value(QStringLiteral("dtype")).toString();
        const bool image = dtype == QLatin1String("u8");
        if (!image && dtype != QLatin1String("f32"))
            return fail(QStringLiteral("tensor %1: dtype must be f32 or u8").arg(id));
        if (image && id != 0)
            return fail(QStringLiteral("tensor %1: u8 is for the raw input (tensor 0) only").arg(id));
        const QCborArray shape = m.value(QStringLiteral("shape")).toArray();
        if (shape.isEmpty() || shape.size() > 4)
            return fail(QStringLiteral("tensor %1: shape must have 1 to 4 dimensions").arg(id));
        HostTensor t;
        qint64 elements = 1;
        for (const QCborValue &d : shape) {
            const qint64 dim = integerOr(d);
            if (dim < 1 || dim > kMaxElements || elements > kMaxElements / dim)
                return fail(QStringLiteral("tensor %1: bad or too large shape").arg(id));
            t.shape << dim;
            elements *= dim;
        }
        const qint64 offset = integerOr(m.value(QStringLiteral("offset")));
        const qint64 bytes = integerOr(m.value(QStringLiteral("bytes")));
        if (bytes != elements * (image ? 1 : 4))
            return fail(QStringLiteral("tensor %1: %2 bytes for %3 elements").arg(id).arg(bytes).arg(elements));
        if (offset != expectedOffset || offset + bytes > frame.payload.size())
            return fail(QStringLiteral("tensor %1: offset %2 and size %3 do not fit the %4-byte payload")
                            .arg(id).arg(offset).arg(bytes).arg(frame.payload.size()));
        const char *in = frame.payload.constData() + offset;
        if (!image && QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            // The values stay in the payload's buffer (copied only if misaligned, or once they are changed).
            t.values = FloatStorage::adopt(frame.payload, qsizetype(offset), size_t(elements));
        } else if (image) {
            t.values.resizeForOverwrite(size_t(elements));
            ImageBytes::unpack(in, elements, t.values.data());
        } else {
            t.values.resizeForOverwrite(size_t(elements));
            float *out = t.values.data();
            for (qint64 i = 0; i < elements; ++i)
                out[i] = qFromLittleEndian<float>(in + 4 * i);
        }
        expectedOffset = offset + bytes;
        tensors[int(id)] = std::move(t); // QMap::insert would copy the values
    }
    if (expectedOffset != frame.payload.size())
        return fail(QStringLiteral("%1 payload bytes are not described by any tensor").arg(frame.payload.size() - expectedOffset));
    return tensors;
}

} // namespace d3::core
