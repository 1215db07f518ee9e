#pragma once

#include "record/RunEvent.h"

#include <QListWidget>

namespace d3::ui {

/// The session's event log: one line per plan change, timeline event, lost or returning worker, failed request,
/// and every problem reported, newest at the bottom. GUI thread.
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

private:
    void append(const QString &text, const QColor &color);
};

} // namespace d3::ui
