#include "Console.h"

#include "MainWindow.h"
#include "graph/LayerGraphPanel.h"
#include "control/SessionState.h"
#include "control/LiveSession.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>

namespace d3::ui {

std::optional<core::Experiment> Console::defaultExperiment(QString *error)
{
    const QString source = QStringLiteral(":/experiments/console.json");
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(source, file.errorString());
        return std::nullopt;
    }
    return core::Experiment::parse(file.readAll(), source, QDir::currentPath(), error);
}

QStringList Console::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

Console::Console(const QString &program, QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<core::LiveSession>(program))
    , m_state(std::make_unique<core::SessionState>(m_session.get()))
{
}

Console::~Console()
{
    delete m_window;
    m_session->shutdown();
}

void Console::show()
{
    if (!setLanguage(QSettings().value(QStringLiteral("language"), QStringLiteral("en")).toString()))
        setLanguage(QStringLiteral("en"));
}

void Console::open(const core::Experiment &experiment)
{
    if (!m_window)
        show();
    m_window->openExperiment(experiment);
}

bool Console::setLanguage(const QString &locale)
{
    if (!languages().contains(locale))
        return false;
    QCoreApplication::removeTranslator(&m_translator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    // English is the source language; its file carries the plural forms.
    if (!m_translator.load(QStringLiteral(":/i18n/d3lab_%1.qm").arg(locale)))
        return false;
    QCoreApplication::installTranslator(&m_translator);
    if (locale != QLatin1String("en")) {
        if (m_qtTranslator.load(QStringLiteral("qtbase_%1").arg(locale),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
    m_language = locale;
    QSettings().setValue(QStringLiteral("language"), locale);
    buildWindow();
    return true;
}

void Console::buildWindow()
{
    // The new window takes the old one's place exactly: its geometry and dock layout are handed over directly (a
    // geometry saved and restored through the window system's frame can come back offset). Deleting the old window
    // saves the layout too, without the question closing asks while requests run.
    MainWindow *old = m_window;
    const QRect geometry = old ? old->geometry() : QRect();
    const QByteArray state = old ? old->saveState() : QByteArray();
    const bool maximized = old && old->isMaximized();
    const QByteArray graphView = old ? old->graphPanel()->saveViewState() : QByteArray(); // zoom and centre
    delete old;
    m_window = new MainWindow(m_session.get(), m_state.get());
    if (!graphView.isEmpty())
        m_window->graphPanel()->restoreViewState(graphView);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->showLanguage(m_language);
    if (!geometry.isNull()) {
        m_window->setGeometry(geometry);
        m_window->restoreState(state);
    }
    connect(m_window, &MainWindow::languageRequested, this,
            [this](const QString &locale) { QMetaObject::invokeMethod(this, [this, locale] { setLanguage(locale); },
                                                                      Qt::QueuedConnection); });
    if (maximized)
        m_window->showMaximized();
    else
        m_window->show();
}

} // namespace d3::ui
