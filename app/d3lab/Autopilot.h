#pragma once

#include <QObject>
#include <QString>

namespace d3::ui {
class Console;
}

namespace d3::app {

/// Drives the console without a person, for scripts/screenshots.sh and smoke runs: starts the requests once the
/// session is ready, and after a number of requests pauses them (a stream keeps running, so that the picture shows
/// where its requests are), saves a screenshot of the real window, exports the plots and quits. GUI thread.
class Autopilot : public QObject
{
    Q_OBJECT
public:
    /// What to do (empty paths: skip that step).
    struct Settings {
        double rateHz = 0;      ///< requests per second (0: closed loop)
        int afterRequests = 60; ///< requests to wait for before the screenshot and the export (or the experiment's end)
        QString screenshot;     ///< PNG of the main window
        QString exportDir;      ///< plots (PDF, SVG, PNG) and requests.csv
        bool quit = true;       ///< quit the application afterwards
    };

    /// Watches console (not owned).
    Autopilot(d3::ui::Console *console, Settings settings, QObject *parent = nullptr);

private:
    void finish();

    d3::ui::Console *m_console;
    Settings m_settings;
    bool m_done = false;
};

} // namespace d3::app
