#include "AddNodeDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace d3::ui {
namespace {

const QString kConsentKey = QStringLiteral("cluster/discoverWorkers");

} // namespace

AddNodeDialog::AddNodeDialog(QWidget *parent, quint16 beaconPort)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_address(new QLineEdit(this))
    , m_discover(new QCheckBox(this))
    , m_found(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_beaconPort(beaconPort)
{
    setWindowTitle(tr("Add a worker"));
    m_role->addItems({QStringLiteral("edge"), QStringLiteral("device"), QStringLiteral("cloud")});
    m_name->setPlaceholderText(tr("edge4"));
    m_address->setPlaceholderText(tr("192.168.1.20:7000"));
    m_discover->setText(tr("Look for workers on the LAN (listen for UDP announcements on port %1)").arg(beaconPort));
    m_discover->setToolTip(tr("Workers started with --beacon announce their role and port; nothing is sent from here"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AddNodeDialog::validate);
    connect(m_address, &QLineEdit::textChanged, this, &AddNodeDialog::validate);
    connect(m_discover, &QCheckBox::toggled, this, &AddNodeDialog::setDiscovery);
    connect(&m_listener, &core::BeaconListener::heard, this, &AddNodeDialog::addDiscovered);
    connect(m_found, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const QStringList parts = m_found->item(row)->data(Qt::UserRole).toStringList();
        m_name->setText(parts.value(0));
        m_role->setCurrentText(parts.value(1));
        m_address->setText(parts.value(2));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Address"), m_address);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_discover);
    layout->addWidget(m_found);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_discover->setChecked(QSettings().value(kConsentKey, false).toBool());
    validate();
}

void AddNodeDialog::setDiscovery(bool on)
{
    QSettings().setValue(kConsentKey, on);
    if (m_discover->isChecked() != on)
        m_discover->setChecked(on);
    if (!on) {
        m_listener.stop();
        return;
    }
    QString error;
    if (!m_listener.start(m_beaconPort, &error))
        m_problem->setText(error);
}

void AddNodeDialog::addDiscovered(const core::WorkerBeacon &beacon)
{
    const QString address = beacon.address();
    for (int i = 0; i < m_found->count(); ++i)
        if (m_found->item(i)->data(Qt::UserRole).toStringList().value(2) == address)
            return;
    auto *item = new QListWidgetItem(tr("%1 (%2) at %3").arg(beacon.name, beacon.role, address), m_found);
    item->setData(Qt::UserRole, QStringList{beacon.name, beacon.role, address});
}

bool AddNodeDialog::isAcceptable() const
{
    return m_problem->text().isEmpty();
}

int AddNodeDialog::discoveredCount() const
{
    return m_found->count();
}

core::ExperimentNode AddNodeDialog::node() const
{
    core::ExperimentNode n;
    n.name = m_name->text().trimmed();
    n.role = m_role->currentText();
    n.address = m_address->text().trimmed();
    return n;
}

void AddNodeDialog::validate()
{
    QString problem;
    if (!core::ExperimentNode::namePattern().match(m_name->text().trimmed()).hasMatch())
        problem = tr("The name is 1..128 letters, digits, '_', '.' or '-'.");
    else if (!core::ExperimentNode::addressPattern().match(m_address->text().trimmed()).hasMatch())
        problem = tr("The address is HOST:PORT.");
    m_problem->setText(problem);
    if (m_ok)
        m_ok->setEnabled(problem.isEmpty());
}

} // namespace d3::ui
