#include "RunRecorder.h"

#include "RequestCsv.h"
#include "RunEventJson.h"
#include "RunFiles.h"
#include "RecordLog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace d3::core {

RunRecorder::~RunRecorder()
{
    close();
}

QString RunRecorder::path(const char *name) const
{
    return QDir(m_dir).filePath(QString::fromLatin1(name));
}

bool RunRecorder::open(const QString &dir, QString *error)
{
    close();
    m_error.clear();
    m_dir = dir;
    if (!RunFiles::makeWritableFolder(dir, error))
        return false;
    for (const char *stale : {RunFiles::kSummary, RunFiles::kExperiment}) {
        if (QFileInfo::exists(path(stale)) && !QFile::remove(path(stale))) {
            *error = QStringLiteral("%1: cannot remove the previous run's file").arg(path(stale));
            return false;
        }
    }
    m_requests.setFileName(path(RunFiles::kRequests));
    m_events.setFileName(path(RunFiles::kEvents));
    for (QFile *file : {&m_requests, &m_events}) {
        if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("%1: cannot write (%2)").arg(file->fileName(), file->errorString());
            close();
            return false;
        }
    }
    append(m_requests, RequestCsv::header());
    if (!m_error.isEmpty()) {
        *error = m_error;
        close();
        return false;
    }
    qCDebug(lcRecord) << "recording the run into" << dir;
    return true;
}

void RunRecorder::add(const RequestRecord &record)
{
    append(m_requests, RequestCsv::row(record));
}

void RunRecorder::add(const RunEvent &event)
{
    append(m_events, RunEventJson::line(event));
}

void RunRecorder::append(QFile &file, const QByteArray &bytes)
{
    if (!file.isOpen()) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: the recorder is not open").arg(file.fileName());
        return;
    }
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("%1: write failed (%2)").arg(file.fileName(), file.errorString());
            qCWarning(lcRecord).noquote() << m_error;
        }
    }
}

bool RunRecorder::writeSummary(const QJsonObject &summary, QString *error)
{
    return writeJson(RunFiles::kSummary, summary, error);
}

bool RunRecorder::writeExperiment(const QJsonObject &experiment, QString *error)
{
    return writeJson(RunFiles::kExperiment, experiment, error);
}

bool RunRecorder::writeJson(const char *name, const QJsonObject &object, QString *error)
{
    if (m_dir.isEmpty()) {
        *error = QStringLiteral("%1: the recorder is not open").arg(QString::fromLatin1(name));
        return false;
    }
    QSaveFile file(path(name)); // a temporary file renamed over the path on commit: never half-written
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot write (%2)").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

void RunRecorder::close()
{
    m_requests.close();
    m_events.close();
}

} // namespace d3::core
