#include "ChildProcesses.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace d3::test {

QVector<qint64> ChildProcesses::pids(const QString &name)
{
    QVector<qint64> children;
    const QByteArray self = QByteArray::number(qint64(::getpid()));
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!numeric || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QByteArray comm = text.mid(text.indexOf('(') + 1, text.lastIndexOf(')') - text.indexOf('(') - 1);
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' '); // state, ppid, ...
        if (fields.size() > 1 && fields[1] == self && (name.isEmpty() || QString::fromUtf8(comm) == name))
            children.append(pid);
    }
    return children;
}

} // namespace d3::test
