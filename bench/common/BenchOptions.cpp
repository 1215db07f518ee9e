#include "BenchOptions.h"

namespace d3::bench {
namespace {

/// Reads a whole-number option value within [low, high].
bool readInt(const QString &name, const QString &text, int low, int high, int *out, QString *error)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < low || v > high) {
        *error = QStringLiteral("--%1 must be an integer in %2..%3, got '%4'").arg(name).arg(low).arg(high).arg(text);
        return false;
    }
    *out = v;
    return true;
}

} // namespace

std::optional<BenchOptions> BenchOptions::parse(const QStringList &args, QString *error)
{
    BenchOptions o;
    for (int i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
            o.help = true;
            continue;
        }
        if (name == QLatin1String("--json")) {
            o.json = true;
            continue;
        }
        if (!name.startsWith(QLatin1String("--"))) {
            *error = QStringLiteral("unexpected argument '%1' (try --help)").arg(name);
            return std::nullopt;
        }
        name = name.mid(2);
        QString value;
        const int eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
        } else if (i + 1 < args.size()) {
            value = args.at(++i);
        } else {
            *error = QStringLiteral("--%1 needs a value").arg(name);
            return std::nullopt;
        }
        bool ok = true;
        if (name == QLatin1String("threads"))
            ok = readInt(name, value, 1, 256, &o.threads, error);
        else if (name == QLatin1String("runs"))
            ok = readInt(name, value, 1, 10000, &o.runs, error);
        else if (name == QLatin1String("warmup"))
            ok = readInt(name, value, 0, 1000, &o.warmup, error);
        else if (name == QLatin1String("models"))
            o.models = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else {
            *error = QStringLiteral("unknown option '--%1' (try --help)").arg(name);
            return std::nullopt;
        }
        if (!ok)
            return std::nullopt;
    }
    return o;
}

QString BenchOptions::synopsis()
{
    return QStringLiteral("[--threads N] [--runs R] [--warmup W] [--models a,b] [--json]");
}

QString BenchOptions::optionsHelp()
{
    return QStringLiteral(R"(  --threads N   LibTorch intra-op threads (default 1)
  --runs R      measured rounds (default 15)
  --warmup W    unmeasured rounds first (default 2)
  --models a,b  these models: built-in names, your models or model files (default: every built-in model)
  --json        JSON on stdout instead of the Markdown table
)");
}

} // namespace d3::bench
