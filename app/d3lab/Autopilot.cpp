#include "Autopilot.h"

#include "console/Console.h"
#include "console/MainWindow.h"
#include "control/SessionState.h"
#include "plots/LivePlotsPanel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace d3::app {

Autopilot::Autopilot(d3::ui::Console *console, Settings settings, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_settings(std::move(settings))
{
    core::SessionState *state = console->state();
    connect(state, &core::SessionState::ready, this, [this] {
        m_console->window()->setRunning(true, m_settings.rateHz);
    });
    connect(state, &core::SessionState::requestAdded, this, [this, state] {
        if (!m_done && state->data().requests.size() >= m_settings.afterRequests) {
            m_done = true;
            if (!state->stream().enabled) // a stream keeps running: the picture shows its requests in flight
                m_console->window()->setRunning(false, 0);
            QTimer::singleShot(500, this, &Autopilot::finish); // the plots redraw, the last events arrive
        }
    });
    connect(state, &core::SessionState::finished, this, [this] { // the experiment had fewer requests than asked
        if (!m_done) {
            m_done = true;
            QTimer::singleShot(500, this, &Autopilot::finish);
        }
    });
    connect(state, &core::SessionState::failed, this, [](const QString &message) {
        std::fprintf(stderr, "d3lab: %s\n", qPrintable(message));
    });
}

void Autopilot::finish()
{
    ui::MainWindow *w = m_console->window();
    w->plotsPanel()->redrawIfDirty();
    int status = 0;
    if (!m_settings.screenshot.isEmpty()) {
        QDir().mkpath(QFileInfo(m_settings.screenshot).absolutePath());
        if (w->grab().save(m_settings.screenshot))
            std::printf("d3lab: wrote %s\n", qPrintable(m_settings.screenshot));
        else
            status = 1, std::fprintf(stderr, "d3lab: cannot write %s\n", qPrintable(m_settings.screenshot));
    }
    if (!m_settings.exportDir.isEmpty()) {
        QStringList written;
        QString error;
        if (w->exportSession(m_settings.exportDir, ui::ExportOptions(), true, &written, &error))
            std::printf("d3lab: wrote %lld files into %s\n", qlonglong(written.size()), qPrintable(m_settings.exportDir));
        else
            status = 1, std::fprintf(stderr, "d3lab: %s\n", qPrintable(error));
    }
    std::fflush(stdout);
    if (m_settings.quit)
        QCoreApplication::exit(status);
}

} // namespace d3::app
