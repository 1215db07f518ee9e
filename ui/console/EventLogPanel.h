#pragma once

#include "record/RunEvent.h"

#include <QListWidget>

namespace d3::ui {

/// The session's event log: one line per plan change, timeline event, operator action, lost or returning worker,
/// failed request, and every problem reported, newest at the bottom; the kind of event in the interface's language,
/// its label as recorded (events.jsonl). GUI thread.
class EventLogPanel : public QListWidget
{
    Q_OBJECT
public:
    /// Longest log kept (the oldest lines go first).
    static constexpr int kMaxLines = 5000;

    /// An empty log.
    explicit EventLogPanel(QWidget *parent = nullptr);
    /// Adds an event of the session.
    void addEvent(const core::RunEvent &event);
    /// Adds a problem (shown in red).
    void addProblem(const QString &message);
    /// The name shown for an event kind ("node_lost": "node lost", translated); an unknown kind as it is.
    static QString kindName(const QString &kind);

private:
    void append(const QString &text, const QColor &color);
};

} // namespace d3::ui
