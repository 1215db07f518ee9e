#include "NpyBytes.h"

namespace d3::test {

QByteArray NpyBytes::make(const QString &descr, bool fortran, const QString &shape, const QByteArray &payload)
{
    QByteArray header = QStringLiteral("{'descr': '%1', 'fortran_order': %2, 'shape': (%3), }")
                            .arg(descr, fortran ? QStringLiteral("True") : QStringLiteral("False"), shape)
                            .toLatin1();
    const int unpadded = 10 + header.size() + 1;
    header.append(QByteArray((64 - unpadded % 64) % 64, ' ')).append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(char(header.size() & 0xff)).append(char(header.size() >> 8));
    return bytes + header + payload;
}

QByteArray NpyBytes::floats(const core::FloatStorage &values)
{
    return values.toByteArray();
}

} // namespace d3::test
