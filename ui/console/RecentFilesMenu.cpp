#include "RecentFilesMenu.h"

#include <QFileInfo>
#include <QSettings>

namespace d3::ui {
namespace {

const QString kKey = QStringLiteral("files/recent");

} // namespace

RecentFilesMenu::RecentFilesMenu(const QString &title, QWidget *parent)
    : QMenu(title, parent)
{
    fill();
}

QStringList RecentFilesMenu::files()
{
    return QSettings().value(kKey).toStringList();
}

void RecentFilesMenu::remember(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = files();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kKey, recent.mid(0, kMaxFiles));
    fill();
}

void RecentFilesMenu::fill()
{
    clear();
    for (const QString &path : files())
        addAction(path, this, [this, path] { Q_EMIT openRequested(path); });
    setEnabled(!isEmpty());
}

} // namespace d3::ui
