#pragma once

#include "net/BeaconListener.h"
#include "experiment/ExperimentNode.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace d3::ui {

/// Asks for a worker running on another machine: its name, role and HOST:PORT. Workers started with
/// `d3worker --beacon` can be picked from a list, but the dialog listens for their UDP announcements only while
/// the operator ticks the box that allows it (remembered in QSettings). GUI thread.
class AddNodeDialog : public QDialog
{
    Q_OBJECT
public:
    /// beaconPort: the UDP port workers announce themselves on (0: any free port, for tests).
    explicit AddNodeDialog(QWidget *parent = nullptr, quint16 beaconPort = core::WorkerBeacon::kPort);

    /// The node entered (address set: a remote worker).
    core::ExperimentNode node() const;
    /// Fills the fields from a worker's announcement and lists it.
    void addDiscovered(const core::WorkerBeacon &beacon);
    /// Workers heard so far.
    int discoveredCount() const;
    /// True while listening for announcements.
    bool isListening() const { return m_listener.isListening(); }
    /// The UDP port listened on (0 when not listening).
    quint16 listeningPort() const { return m_listener.port(); }
    /// True when the fields make a node (the OK button is enabled).
    bool isAcceptable() const;
    /// Allows or stops listening (the check box).
    void setDiscovery(bool on);

private:
    void validate();

    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_address;
    QCheckBox *m_discover;
    QListWidget *m_found;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
    core::BeaconListener m_listener;
    quint16 m_beaconPort;
};

} // namespace d3::ui
