#include "RunReader.h"

#include "CsvReader.h"
#include "RequestCsv.h"
#include "RunEventJson.h"
#include "RunFiles.h"
#include "RecordLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace d3::core {

std::optional<RunData> RunReader::read(const QString &dir, QString *error)
{
    const QFileInfo info(dir);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such folder").arg(dir);
        return std::nullopt;
    }
    if (!info.isDir()) {
        *error = QStringLiteral("%1: not a folder (give the run's folder, which holds %2 and %3)")
                     .arg(dir, QLatin1String(RunFiles::kRequests), QLatin1String(RunFiles::kEvents));
        return std::nullopt;
    }
    const QDir d(dir);
    RunData data;
    QByteArray bytes;
    bool exists = false;
    const QString requests = d.filePath(QLatin1String(RunFiles::kRequests));
    if (!readFile(requests, true, &bytes, &exists, error) || !readRequests(requests, bytes, &data, error))
        return std::nullopt;
    const QString events = d.filePath(QLatin1String(RunFiles::kEvents));
    if (!readFile(events, true, &bytes, &exists, error) || !readEvents(events, bytes, &data, error))
        return std::nullopt;
    const QString summary = d.filePath(QLatin1String(RunFiles::kSummary));
    if (!readFile(summary, false, &bytes, &exists, error))
        return std::nullopt;
    if (exists) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = QStringLiteral("%1: not a JSON object (%2)")
                         .arg(summary, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                     : QStringLiteral("another value"));
            return std::nullopt;
        }
        data.summary = doc.object();
    }
    return data;
}

bool RunReader::readFile(const QString &path, bool required, QByteArray *bytes, bool *exists, QString *error)
{
    bytes->clear();
    const QFileInfo info(path);
    *exists = info.exists();
    if (!*exists) {
        if (required)
            *error = QStringLiteral("%1: missing (not a run folder, or the run never started)").arg(path);
        return !required;
    }
    if (info.size() > RunFiles::kMaxFileBytes) {
        *error = QStringLiteral("%1: %2 bytes, over the 1 GiB limit of run files").arg(path).arg(info.size());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    if (bytes->size() > RunFiles::kMaxFileBytes) { // it grew since it was measured
        *error = QStringLiteral("%1: over the 1 GiB limit of run files").arg(path);
        return false;
    }
    return true;
}

bool RunReader::readRequests(const QString &path, const QByteArray &bytes, RunData *data, QString *error)
{
    CsvReader csv(bytes);
    QString csvError;
    const auto header = csv.next(&csvError);
    if (!header) {
        *error = csvError.isEmpty() ? QStringLiteral("%1: empty (no header row)").arg(path)
                                    : QStringLiteral("%1:%2: %3").arg(path).arg(csv.line()).arg(csvError);
        return false;
    }
    // A run recorded before the stream columns (arrival_ms to the last) reads too, each request arriving when it was
    // sent; one from before the critical_path_ms column (the one before them) without critical paths; one from
    // before the actions column (the one before it) with nothing recorded as changed; one from before the codec
    // columns (the 16 before that) as uncompressed, and one from before the attempts column (the one before them):
    // each of its requests was sent once.
    const QStringList &columns = RequestCsv::columns();
    const qsizetype stream = columns.size() - columns.indexOf(QStringLiteral("arrival_ms"));
    const qsizetype withoutCodecs = columns.size() - stream - 2 - 4 * RequestRecord::Links;
    if (header->fields != columns && header->fields != columns.mid(0, columns.size() - stream)
        && header->fields != columns.mid(0, columns.size() - stream - 1)
        && header->fields != columns.mid(0, columns.size() - stream - 2)
        && header->fields != columns.mid(0, withoutCodecs)
        && header->fields != columns.mid(0, withoutCodecs - 1)) {
        *error = QStringLiteral("%1:1: the header is not the request columns (expected %2)")
                     .arg(path, RequestCsv::columns().join(QLatin1Char(',')));
        return false;
    }
    while (true) {
        const auto record = csv.next(&csvError);
        if (!record) {
            if (csvError.isEmpty())
                return true;
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(csv.line()).arg(csvError);
            return false;
        }
        QString rowError;
        const auto request = RequestCsv::parse(record->fields, &rowError);
        if (!request) {
            if (!record->terminated) {
                qCWarning(lcRecord).noquote() << QStringLiteral("%1:%2: partial last row dropped (a killed run?)")
                                                  .arg(path).arg(record->line);
                return true;
            }
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(record->line).arg(rowError);
            return false;
        }
        data->requests.append(*request);
    }
}

bool RunReader::readEvents(const QString &path, const QByteArray &bytes, RunData *data, QString *error)
{
    qsizetype pos = 0;
    int line = 0;
    while (pos < bytes.size()) {
        ++line;
        qsizetype end = bytes.indexOf('\n', pos);
        const bool terminated = end >= 0;
        if (!terminated)
            end = bytes.size();
        QByteArray text = bytes.mid(pos, end - pos);
        pos = end + 1;
        if (text.endsWith('\r'))
            text.chop(1);
        QString lineError;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        std::optional<RunEvent> event;
        if (text.trimmed().isEmpty())
            lineError = QStringLiteral("an empty line (each line is one JSON object)");
        else if (parseError.error != QJsonParseError::NoError)
            lineError = QStringLiteral("not JSON (column %1: %2)").arg(parseError.offset + 1).arg(parseError.errorString());
        else if (!doc.isObject())
            lineError = QStringLiteral("not a JSON object");
        else
            event = RunEventJson::fromJson(doc.object(), &lineError);
        if (!event) {
            if (!terminated) {
                qCWarning(lcRecord).noquote() << QStringLiteral("%1:%2: partial last line dropped (a killed run?)")
                                                  .arg(path).arg(line);
                return true;
            }
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(lineError);
            return false;
        }
        data->events.append(*event);
    }
    return true;
}

} // namespace d3::core
