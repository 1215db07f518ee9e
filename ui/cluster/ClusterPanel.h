#pragma once

#include "control/Controller.h"
#include "experiment/ExperimentNode.h"

#include <QHash>
#include <QWidget>

class QTableWidget;
class QPushButton;
class QDoubleSpinBox;
class QLabel;

namespace d3::ui {

/// The cluster panel: one row per worker with its role, address, status (connecting, loading, profiling with
/// progress, ready, busy, dead: the row turns red), speed relative to the reference and model fingerprint; buttons
/// to add a worker on another machine (host:port), remove one, kill or restart a local one and change its
/// slowdown. The panel only shows and asks: the main window carries the requests to the session. GUI thread.
class ClusterPanel : public QWidget
{
    Q_OBJECT
public:
    /// The columns of the table.
    enum Column { Name, Role, Address, Status, Speed, Fingerprint, ColumnCount };

    /// An empty panel.
    explicit ClusterPanel(QWidget *parent = nullptr);

    /// Shows an experiment's nodes (all connecting).
    void setNodes(const QVector<core::ExperimentNode> &nodes);
    /// A worker's state changed.
    void setState(const QString &node, core::Controller::NodeState state);
    /// A worker's profiling progress (done of layers).
    void setProgress(const QString &node, int done, int layers);
    /// Workers computing a request now (busy) or back to ready.
    void setBusy(const QStringList &nodes, bool busy);
    /// Every worker's current speed (relative to the profile's reference).
    void setSpeeds(const QHash<QString, double> &speeds);
    /// The model fingerprint every worker reported.
    void setFingerprint(const QString &fingerprint);

    /// The status text shown for node ("" for an unknown node).
    QString statusOf(const QString &node) const;
    /// True when node's row is shown as dead.
    bool isDead(const QString &node) const;
    /// The table (for tests and layout).
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    /// The operator adds a remote worker.
    void addRequested(const d3::core::ExperimentNode &node);
    /// The operator removes a worker from the experiment.
    void removeRequested(const QString &node);
    /// The operator kills a local worker.
    void killRequested(const QString &node);
    /// The operator restarts a local worker.
    void restartRequested(const QString &node);
    /// The operator changes a worker's slowdown.
    void slowdownRequested(const QString &node, double factor);

private:
    int rowOf(const QString &node) const;
    void setText(int row, Column column, const QString &text);
    void showStatus(const QString &node, const QString &text, bool dead);
    QString selectedNode() const;
    void askToAdd();

    QTableWidget *m_table;
    QDoubleSpinBox *m_slowdown;
    QLabel *m_fingerprint; // the weights' fingerprint, under the table
    QHash<QString, core::Controller::NodeState> m_states;
};

} // namespace d3::ui
