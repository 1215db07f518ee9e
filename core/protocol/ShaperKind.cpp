#include "ShaperKind.h"

namespace d3::core {

QStringList shaperNames()
{
    return {QStringLiteral("process"), QStringLiteral("kernel")};
}

QString shaperName(ShaperKind kind)
{
    return shaperNames().at(int(kind));
}

std::optional<ShaperKind> shaperFromName(const QString &name)
{
    const int i = shaperNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return ShaperKind(i);
}

} // namespace d3::core
