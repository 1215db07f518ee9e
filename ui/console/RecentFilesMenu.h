#pragma once

#include <QMenu>

namespace d3::ui {

/// The "Recent experiments" menu: the files opened or saved last, newest first, kept in QSettings
/// ("files/recent") so that they outlive the window. GUI thread.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT
public:
    /// Most files remembered.
    static constexpr int kMaxFiles = 8;

    /// A menu listing the remembered files.
    RecentFilesMenu(const QString &title, QWidget *parent = nullptr);

    /// Puts path first (as an absolute path) and refreshes the menu.
    void remember(const QString &path);
    /// The remembered files, newest first.
    static QStringList files();

Q_SIGNALS:
    /// The operator picked a file.
    void openRequested(const QString &path);

private:
    void fill();
};

} // namespace d3::ui
