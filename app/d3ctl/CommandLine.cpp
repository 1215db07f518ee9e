#include "CommandLine.h"

#include <QRegularExpression>

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

bool CommandLine::cutPair(const QString &name, int layers, int *p, int *q, QString *error) const
{
    static const QRegularExpression re(QStringLiteral("^(\\d+),(\\d+)$"));
    const QString text = value(name);
    const auto m = re.match(text);
    bool pOk = false, qOk = false;
    if (m.hasMatch()) {
        *p = m.captured(1).toInt(&pOk);
        *q = m.captured(2).toInt(&qOk);
    }
    if (!m.hasMatch()) {
        *error = QStringLiteral("--%1 must be P,Q (two cut positions), got '%2'").arg(name, text);
        return false;
    }
    if (!pOk || !qOk || *p > *q || *q > layers) {
        *error = QStringLiteral("--%1 %2 must satisfy 0 <= P <= Q <= %3 (the model has %3 layers)").arg(name, text).arg(layers);
        return false;
    }
    return true;
}

bool CommandLine::grid(const QString &name, int maxGrid, int *rows, int *cols, QString *error) const
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,3})x(\\d{1,3})$"));
    const QString text = value(name);
    const auto m = re.match(text);
    if (m.hasMatch()) {
        *rows = m.captured(1).toInt();
        *cols = m.captured(2).toInt();
    }
    if (!m.hasMatch() || *rows < 1 || *rows > maxGrid || *cols < 1 || *cols > maxGrid) {
        *error = QStringLiteral("--%1 must be RxC with R and C in 1..%2, got '%3'").arg(name).arg(maxGrid).arg(text);
        return false;
    }
    return true;
}

} // namespace d3::cli
