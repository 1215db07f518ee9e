#include "EventLogPanel.h"

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
    append(tr("%1 s  %2: %3").arg(e.tMs / 1000.0, 0, 'f', 1).arg(e.kind, e.label), color);
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
