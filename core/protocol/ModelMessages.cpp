#include "ModelMessages.h"

#include "CborFields.h"

#include <limits>

namespace d3::core {
namespace {

constexpr qint64 kMaxInt = std::numeric_limits<qint64>::max();
constexpr qsizetype kMaxName = 256;
constexpr qsizetype kMaxText = 64 * 1024 * 1024; // bounded by the frame's header limit long before this

} // namespace

QCborMap LoadMessage::toCbor() const
{
    QCborMap map;
    if (!modelJson.isEmpty())
        map.insert(QStringLiteral("model_json"), modelJson);
    else
        map.insert(QStringLiteral("model"), model);
    if (seed)
        map.insert(QStringLiteral("seed"), qint64(*seed));
    return map;
}

std::optional<LoadMessage> LoadMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Load"));
    LoadMessage m;
    m.model = f.text("model", kMaxName, false);
    m.modelJson = f.text("model_json", kMaxText, false);
    if (f.has("seed"))
        m.seed = quint64(f.integer("seed", 0, kMaxInt));
    if (f.ok() && m.model.isEmpty() == m.modelJson.isEmpty())
        f.fail(QStringLiteral("needs a built-in 'model' name or 'model_json', one of them"));
    return f.result(m, error);
}

QCborMap LoadedMessage::toCbor() const
{
    return {{QStringLiteral("model"), model},
            {QStringLiteral("layers"), layers},
            {QStringLiteral("fingerprint"), fingerprint},
            {QStringLiteral("weights"), weights},
            {QStringLiteral("build_ms"), buildMs},
            {QStringLiteral("slowdown"), slowdown}};
}

std::optional<LoadedMessage> LoadedMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Loaded"));
    LoadedMessage m;
    m.model = f.text("model", kMaxName);
    m.layers = f.integer("layers", 0, kMaxInt);
    m.fingerprint = f.text("fingerprint", kMaxName);
    m.weights = f.text("weights", 4096, false);
    m.buildMs = f.number("build_ms", 0, 1e12, false);
    m.slowdown = f.number("slowdown", 1, 1000, false, 1);
    return f.result(m, error);
}

QCborMap ProfileMessage::toCbor() const
{
    return {{QStringLiteral("warmup"), warmup}, {QStringLiteral("runs"), runs}};
}

std::optional<ProfileMessage> ProfileMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Profile"));
    ProfileMessage m;
    m.warmup = f.integer("warmup", 0, 100, false, 2);
    m.runs = f.integer("runs", 1, 1000, false, 5);
    return f.result(m, error);
}

QCborMap ProfileProgressMessage::toCbor() const
{
    return {{QStringLiteral("done"), done}, {QStringLiteral("layers"), layers}};
}

std::optional<ProfileProgressMessage> ProfileProgressMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("ProfileProgress"));
    ProfileProgressMessage m;
    m.done = f.integer("done", 0, kMaxInt);
    m.layers = f.integer("layers", 0, kMaxInt);
    return f.result(m, error);
}

QCborMap ProfiledMessage::toCbor() const
{
    return {{QStringLiteral("profile"), profileJson}};
}

std::optional<ProfiledMessage> ProfiledMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Profiled"));
    ProfiledMessage m;
    m.profileJson = f.text("profile", kMaxText);
    return f.result(m, error);
}

QCborMap ExitMessage::toCbor() const
{
    return {{QStringLiteral("reason"), reason}};
}

std::optional<ExitMessage> ExitMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("Exit"));
    ExitMessage m;
    m.reason = f.text("reason", 256, false);
    return f.result(m, error);
}

} // namespace d3::core
