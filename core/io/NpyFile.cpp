#include "NpyFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QtEndian>

#include <cstring>

namespace d3::core {
namespace {

const QByteArray kMagic("\x93NUMPY", 6);
constexpr qint64 kMaxElements = qint64(1) << 31;

} // namespace

std::optional<HostTensor> NpyFile::read(const QString &path, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the file (%1)").arg(file.errorString()));
    const QByteArray preamble = file.read(10);
    if (preamble.size() < 10 || !preamble.startsWith(kMagic))
        return fail(QStringLiteral("not a .npy file (bad magic)"));
    const int major = quint8(preamble[6]);
    qint64 headerLength = 0;
    if (major == 1) {
        headerLength = qFromLittleEndian<quint16>(preamble.constData() + 8);
    } else if (major == 2 || major == 3) {
        const QByteArray rest = file.read(2);
        if (rest.size() < 2)
            return fail(QStringLiteral("truncated header"));
        const QByteArray len = preamble.mid(8, 2) + rest;
        headerLength = qFromLittleEndian<quint32>(len.constData());
    } else {
        return fail(QStringLiteral("unsupported .npy version %1").arg(major));
    }
    if (headerLength > 1 << 20)
        return fail(QStringLiteral("header too large"));
    const QString header = QString::fromLatin1(file.read(headerLength));
    if (header.size() != headerLength)
        return fail(QStringLiteral("truncated header"));

    static const QRegularExpression descr(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression fortran(QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const auto d = descr.match(header);
    const auto f = fortran.match(header);
    const auto s = shapeRe.match(header);
    if (!d.hasMatch() || !f.hasMatch() || !s.hasMatch())
        return fail(QStringLiteral("malformed header"));
    if (d.captured(1) != QLatin1String("<f4"))
        return fail(QStringLiteral("dtype is '%1'; d3lab reads float32 ('<f4') only (use array.astype(numpy.float32))")
                        .arg(d.captured(1)));
    if (f.captured(1) == QLatin1String("True"))
        return fail(QStringLiteral("Fortran order; save a C-order array (numpy.ascontiguousarray)"));

    HostTensor array;
    qint64 elements = 1;
    for (const QString &part : s.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 dim = part.trimmed().toLongLong(&ok);
        if (!ok || dim < 0 || (dim > 0 && elements > kMaxElements / dim))
            return fail(QStringLiteral("bad or too large shape (%1)").arg(s.captured(1)));
        array.shape << dim;
        elements *= dim;
    }
    const qint64 bytes = elements * qint64(sizeof(float));
    if (file.size() - file.pos() != bytes)
        return fail(QStringLiteral("holds %1 data bytes but its shape needs %2").arg(file.size() - file.pos()).arg(bytes));
    array.values.resizeForOverwrite(size_t(elements));
    if (file.read(reinterpret_cast<char *>(array.values.data()), bytes) != bytes)
        return fail(QStringLiteral("read error"));
    if (QSysInfo::ByteOrder == QSysInfo::BigEndian) {
        for (float &x : array.values)
            x = qFromLittleEndian(x);
    }
    return array;
}

bool NpyFile::write(const QString &path, const HostTensor &tensor, QString *error)
{
    QStringList dims;
    for (qint64 d : tensor.shape)
        dims << QString::number(d);
    const QString shapeText = dims.size() == 1 ? dims.first() + QLatin1Char(',') : dims.join(QLatin1String(", "));
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1), }").arg(shapeText).toLatin1();
    const int total = 10 + header.size() + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' '));
    header.append('\n');
    QByteArray preamble = kMagic;
    preamble.append(char(1)).append(char(0));
    quint16 len = qToLittleEndian<quint16>(quint16(header.size()));
    preamble.append(reinterpret_cast<const char *>(&len), 2);

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    file.write(preamble);
    file.write(header);
    const qint64 bytes = tensor.bytes();
    if (file.write(reinterpret_cast<const char *>(tensor.values.data()), bytes) != bytes) {
        *error = QStringLiteral("%1: write failed (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace d3::core
