#include "CommandLine.h"

namespace d3::cli {

CommandLine::CommandLine(const QStringList &args, const QStringList &valueOptions, const QStringList &flags)
{
    for (int i = 0; i < args.size() && m_error.isEmpty(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            m_positionals << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        const int eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flags.contains(name) && !inlineValue) {
            m_flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    m_error = QStringLiteral("option --%1 needs a value").arg(name);
                    break;
                }
                value = args.at(++i);
            }
            m_values.insert(name, value);
        } else {
            QStringList known;
            for (const QString &o : valueOptions + flags)
                known << QStringLiteral("--") + o;
            m_error = QStringLiteral("unknown option --%1 (accepted: %2)")
                          .arg(name, known.isEmpty() ? QStringLiteral("none") : known.join(QLatin1String(", ")));
        }
    }
}

} // namespace d3::cli
