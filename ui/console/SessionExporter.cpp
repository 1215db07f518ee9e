#include "SessionExporter.h"

#include "plots/PaperFigures.h"
#include "record/RequestCsv.h"
#include "record/RunFiles.h"

#include <QDir>
#include <QSaveFile>

namespace d3::ui {

bool SessionExporter::write(const core::RunData &data, const QString &dir, const ExportOptions &options, bool csv,
                            QStringList *written, QString *error)
{
    // The console's clock started with the console: the figures' time axis starts at the session's first request.
    if (!options.formats.isEmpty()
        && !PaperFigures::exportAll(PaperFigures::fromFirstRequest(data), dir, options, written, error))
        return false;
    if (!csv)
        return true;
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(dir);
        return false;
    }
    const QString path = QDir(dir).filePath(QString::fromLatin1(core::RunFiles::kRequests));
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly) && file.write(core::RequestCsv::header()) >= 0;
    for (const core::RequestRecord &r : data.requests)
        ok = ok && file.write(core::RequestCsv::row(r)) >= 0;
    if (!ok || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    written->append(path);
    return true;
}

} // namespace d3::ui
