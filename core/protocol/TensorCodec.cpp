#include "TensorCodec.h"

#include "io/ImageBytes.h"

#include <QCborArray>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace d3::core {
namespace {

const QString kTensors = QStringLiteral("tensors");
const QString kCodec = QStringLiteral("codec");

/// The integer v holds, or -1 for anything else: a double is refused, not cast (QCborValue::toInteger would cast
/// it, undefined behaviour for 1e300 or NaN from an untrusted header).
qint64 integerOr(const QCborValue &v)
{
    return v.isInteger() ? v.toInteger() : -1;
}

} // namespace

qint64 TensorCodec::encode(const QMap<int, HostTensor> &tensors, Frame *frame, WireCodec codec)
{
    QCborArray list;
    QByteArray payload;
    qint64 raw = 0;
    if (tensors.size() > 1 && codec == WireCodec::None) {
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
        const bool compress = !image && codec != WireCodec::None;
        QByteArray own;
        if (image)
            own = ImageBytes::pack(t);
        else if (compress)
            own = WireCodecs::encode(codec, t.values.data(), qint64(t.values.size()));
        QCborMap entry{{QStringLiteral("id"), it.key()},
                       {QStringLiteral("dtype"), image ? QStringLiteral("u8") : QStringLiteral("f32")},
                       {QStringLiteral("shape"), shape},
                       {QStringLiteral("offset"), qint64(payload.size())},
                       {QStringLiteral("bytes"), image || compress ? qint64(own.size()) : t.bytes()}};
        if (compress)
            entry.insert(kCodec, WireCodecs::name(codec));
        list.append(entry);
        raw += image ? qint64(own.size()) : t.bytes();
        if (image || compress) {
            payload.append(own);
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
    return raw;
}

bool TensorCodec::compressed(const Frame &frame)
{
    for (const QCborValue &v : frame.header.value(kTensors).toArray())
        if (v.toMap().contains(kCodec))
            return true;
    return false;
}

qint64 TensorCodec::rawBytes(const Frame &frame)
{
    qint64 raw = 0;
    for (const QCborValue &v : frame.header.value(kTensors).toArray()) {
        const QCborMap m = v.toMap();
        qint64 elements = 1;
        for (const QCborValue &d : m.value(QStringLiteral("shape")).toArray()) {
            const qint64 dim = integerOr(d);
            if (dim < 1 || dim > kMaxElements || elements > kMaxElements / dim)
                return 0;
            elements *= dim;
        }
        raw += m.value(QStringLiteral("dtype")).toString() == QLatin1String("u8") ? elements : elements * 4;
    }
    return raw;
}

std::optional<QMap<int, HostTensor>> TensorCodec::decode(const Frame &frame, QString *error, const ElementLimit &limit)
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
        std::optional<WireCodec> codec = WireCodec::None;
        if (m.contains(kCodec)) {
            codec = image ? std::nullopt : WireCodecs::fromName(m.value(kCodec).toString());
            if (!codec || *codec == WireCodec::None)
                return fail(QStringLiteral("tensor %1: '%2' is not a codec of f32 tensors (%3)")
                                .arg(id).arg(m.value(kCodec).toString().left(32), WireCodecs::names().mid(1).join(QLatin1String(", "))));
        }
        if (*codec == WireCodec::None && bytes != elements * (image ? 1 : 4))
            return fail(QStringLiteral("tensor %1: %2 bytes for %3 elements").arg(id).arg(bytes).arg(elements));
        if (offset != expectedOffset || bytes < 0 || offset + bytes > frame.payload.size())
            return fail(QStringLiteral("tensor %1: offset %2 and size %3 do not fit the %4-byte payload")
                            .arg(id).arg(offset).arg(bytes).arg(frame.payload.size()));
        if (*codec != WireCodec::None) {
            // Nothing is allocated for a compressed tensor before its claimed size is known to be possible.
            const qint64 most = limit ? limit(int(id)) : std::min(kMaxElements, std::max<qint64>(bytes, 1) * kMaxExpansion);
            if (elements > most)
                return fail(QStringLiteral("tensor %1: %2 elements from %3 %4 bytes, more than the %5 it may have")
                                .arg(id).arg(elements).arg(bytes).arg(WireCodecs::name(*codec)).arg(most));
            t.values.resizeForOverwrite(size_t(elements));
            QString why;
            const QByteArray view = QByteArray::fromRawData(frame.payload.constData() + offset, qsizetype(bytes));
            if (!WireCodecs::decode(*codec, view, elements, t.values.data(), &why))
                return fail(QStringLiteral("tensor %1: %2").arg(id).arg(why));
            expectedOffset = offset + bytes;
            tensors[int(id)] = std::move(t);
            continue;
        }
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
