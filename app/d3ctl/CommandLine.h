#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace d3::cli {

/// Arguments of one d3ctl subcommand: positionals, "--name value" options and "--flag" switches, checked
/// against what the subcommand accepts. Any unknown or incomplete option is an error, never ignored.
class CommandLine
{
public:
    /// Parses args (after the subcommand); valueOptions take a value, flags do not.
    CommandLine(const QStringList &args, const QStringList &valueOptions, const QStringList &flags);

    /// Empty when the arguments were well-formed, else one line saying what is wrong.
    const QString &error() const { return m_error; }
    /// Positional arguments, in order.
    const QStringList &positionals() const { return m_positionals; }
    /// True if --name was given (as a flag or an option).
    bool has(const QString &name) const { return m_flags.contains(name) || m_values.contains(name); }
    /// The value of --name, or fallback.
    QString value(const QString &name, const QString &fallback = QString()) const
    {
        return m_values.value(name, fallback);
    }

    /// Reads --name as "P,Q" cut positions with 0 <= P <= Q <= layers; false with one line in *error.
    bool cutPair(const QString &name, int layers, int *p, int *q, QString *error) const;
    /// Reads --name as a grid "RxC" with R and C in 1..maxGrid; false with one line in *error.
    bool grid(const QString &name, int maxGrid, int *rows, int *cols, QString *error) const;

private:
    QStringList m_positionals;
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
    QString m_error;
};

} // namespace d3::cli
