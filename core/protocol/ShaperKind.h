#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// What imposes a link's rate (docs/PROTOCOL.md, Link shaping): the sending worker's own LinkShaper (exact, with the
/// delay line) or the kernel's qdisc on the sending worker's interface (a worker started with --kernel-shaping; the
/// delay stays in-process). On the wire and in experiment files by name (shaperName()).
enum class ShaperKind { Process, Kernel };

/// "process" or "kernel".
QString shaperName(ShaperKind kind);
/// The shaper called name; nullopt for any other text.
std::optional<ShaperKind> shaperFromName(const QString &name);
/// Every shaper's name, in enum order.
QStringList shaperNames();

} // namespace d3::core
