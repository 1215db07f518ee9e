#pragma once

#include "RequestRecord.h"
#include "RunEvent.h"

#include <QFile>
#include <QJsonObject>
#include <QString>

namespace d3::core {

/// Writes a run directory (docs/EXPERIMENTS.md, Outputs): requests.csv (one row per request, RequestCsv),
/// events.jsonl (one JSON line per event, RunEventJson), summary.json and experiment.json. Every row and line is
/// flushed to the operating system as it is added, so a run that is killed keeps every row it recorded; the JSON
/// files are replaced whole (written to a temporary file, then renamed). Not thread-safe: use it from one thread.
class RunRecorder
{
public:
    /// A closed recorder: open() starts a run.
    RunRecorder() = default;
    /// Not copyable: it owns the open files.
    RunRecorder(const RunRecorder &) = delete;
    /// Not copyable: it owns the open files.
    RunRecorder &operator=(const RunRecorder &) = delete;
    /// Closes the files.
    ~RunRecorder();

    /// Creates dir (and its parents) if needed and starts fresh files in it: requests.csv with its header row and
    /// an empty events.jsonl replace those of an earlier run, whose summary.json and experiment.json are removed.
    /// False with one line in *error when dir is a file, cannot be created or is not writable.
    bool open(const QString &dir, QString *error);
    /// True between a successful open() and close().
    bool isOpen() const { return m_requests.isOpen(); }
    /// The directory given to open().
    const QString &dir() const { return m_dir; }
    /// The path of a file of the run directory (name: RunFiles::kRequests, ...).
    QString path(const char *name) const;

    /// Appends a row to requests.csv and flushes it. A write error is kept in error().
    void add(const RequestRecord &record);
    /// Appends a line to events.jsonl and flushes it. A write error is kept in error().
    void add(const RunEvent &event);
    /// Writes summary.json (indented), replacing an earlier one; false with one line in *error.
    bool writeSummary(const QJsonObject &summary, QString *error);
    /// Writes experiment.json (indented; Experiment::toJson), replacing an earlier one; false with one line in *error.
    bool writeExperiment(const QJsonObject &experiment, QString *error);

    /// The first error of add() since open() (a full disk, a closed recorder), empty if none.
    const QString &error() const { return m_error; }
    /// Closes requests.csv and events.jsonl (open() again to record another run).
    void close();

private:
    void append(QFile &file, const QByteArray &bytes);
    bool writeJson(const char *name, const QJsonObject &object, QString *error);

    QString m_dir;
    QFile m_requests;
    QFile m_events;
    QString m_error;
};

} // namespace d3::core
