#include "EventLogPanel.h"

#include <QHash>
#include <QLocale>

namespace d3::ui {

EventLogPanel::EventLogPanel(QWidget *parent)
    : QListWidget(parent)
{
    setUniformItemSizes(true);
    setAlternatingRowColors(true);
}

void EventLogPanel::addEvent(const core::RunEvent &e)
{
    QColor color = palette().color(QPalette::Text);
    if (e.kind == QLatin1String("node_lost") || e.kind == QLatin1String("request_failed"))
        color = QColor(176, 0, 0);
    else if (e.kind == QLatin1String("plan"))
        color = QColor(0, 90, 160);
    else if (e.kind == QLatin1String("operator"))
        color = QColor(150, 80, 0);
    append(tr("%1 s  %2: %3").arg(QLocale().toString(e.tMs / 1000.0, 'f', 1), kindName(e.kind), e.label), color);
}

QString EventLogPanel::kindName(const QString &kind)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("phase"), QT_TR_NOOP("phase")},
        {QStringLiteral("timeline"), QT_TR_NOOP("timeline")},
        {QStringLiteral("operator"), QT_TR_NOOP("operator")},
        {QStringLiteral("plan"), QT_TR_NOOP("plan")},
        {QStringLiteral("node_lost"), QT_TR_NOOP("node lost")},
        {QStringLiteral("node_back"), QT_TR_NOOP("node back")},
        {QStringLiteral("request_failed"), QT_TR_NOOP("request failed")},
        {QStringLiteral("adaptation"), QT_TR_NOOP("adaptation")},
        {QStringLiteral("note"), QT_TR_NOOP("note")},
    };
    const char *name = names.value(kind);
    return name ? tr(name) : kind;
}

void EventLogPanel::addProblem(const QString &message)
{
    append(message, QColor(176, 0, 0));
}

void EventLogPanel::append(const QString &text, const QColor &color)
{
    auto *item = new QListWidgetItem(text, this);
    item->setForeground(color);
    while (count() > kMaxLines)
        delete takeItem(0);
    scrollToBottom();
}

} // namespace d3::ui
