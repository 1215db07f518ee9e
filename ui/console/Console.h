#pragma once

#include "MainWindow.h"
#include "experiment/Experiment.h"

#include <QObject>
#include <QPointer>
#include <QTranslator>

#include <memory>

namespace d3::core {
class LiveSession;
class SessionState;
}

namespace d3::ui {


/// The console application's parts: the live session (its worker thread and workers), the state the panels show,
/// the translator and the main window. Switching the language builds the window anew on the same session, so
/// nothing of the run is lost. GUI thread; needs a QApplication.
class Console : public QObject
{
    Q_OBJECT
public:
    /// The experiment opened without a file: a local cluster of 1 device, 3 edge and 1 cloud worker whose
    /// slowdowns make the tiers differ (experiments/console.json, compiled in).
    static std::optional<core::Experiment> defaultExperiment(QString *error);
    /// Languages offered ("en", "zh_CN").
    static QStringList languages();

    /// program: the d3worker for local workers (empty: the one beside this program).
    explicit Console(const QString &program = QString(), QObject *parent = nullptr);
    /// Closes the session (local workers end) and the window.
    ~Console() override;

    /// Shows the window in the saved language.
    void show();
    /// Opens an experiment in the session.
    void open(const core::Experiment &experiment);
    /// Installs a language's translations and rebuilds the window; false for an unknown language.
    bool setLanguage(const QString &locale);
    /// The language in use.
    const QString &language() const { return m_language; }

    /// The window (rebuilt on a language change).
    MainWindow *window() const { return m_window; }
    /// The session.
    core::LiveSession *session() const { return m_session.get(); }
    /// The state the panels show.
    core::SessionState *state() const { return m_state.get(); }

private:
    void buildWindow();

    std::unique_ptr<core::LiveSession> m_session;
    std::unique_ptr<core::SessionState> m_state;
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    QString m_language = QStringLiteral("en");
    QPointer<MainWindow> m_window;
};

} // namespace d3::ui
