#include "ClusterPanel.h"

#include "AddNodeDialog.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace d3::ui {
namespace {

const QColor kDead(255, 205, 205);

} // namespace

ClusterPanel::ClusterPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_slowdown(new QDoubleSpinBox(this))
    , m_fingerprint(new QLabel(this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Node"), tr("Role"), tr("Address"), tr("Status"), tr("Speed"), tr("Fingerprint")});
    m_table->verticalHeader()->hide();
    // Rows as tall as their text: a lab's ten workers fit the dock of a 1920 x 1080 window without scrolling.
    m_table->verticalHeader()->setMinimumSectionSize(m_table->fontMetrics().height() + 2);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A narrow dock (a fifth of a 1366-pixel window) shows every column: the address takes what is left and is
    // elided (whole in its tooltip); the weights' fingerprint, the same on every worker that is up, is one line under
    // the table rather than a column.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Address, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_table->setColumnHidden(Fingerprint, true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *add = new QPushButton(tr("Add…"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *kill = new QPushButton(tr("Kill"), this);
    auto *restart = new QPushButton(tr("Restart"), this);
    add->setToolTip(tr("Add a worker running on another machine (host:port)"));
    kill->setToolTip(tr("Kill the selected worker as a crash would (a remote one is asked to exit; its supervisor "
                        "starts it again)"));
    restart->setToolTip(tr("Restart the selected worker (a remote one: until its supervisor has started it again)"));
    m_slowdown->setRange(1, 1000);
    m_slowdown->setDecimals(1);
    m_slowdown->setPrefix(tr("slowdown ×"));
    m_slowdown->setToolTip(tr("Compute padding of the selected worker (applied when you press Enter)"));
    m_slowdown->setKeyboardTracking(false);
    connect(add, &QPushButton::clicked, this, &ClusterPanel::askToAdd);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            Q_EMIT removeRequested(selectedNode());
    });
    connect(kill, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            Q_EMIT killRequested(selectedNode());
    });
    connect(restart, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            Q_EMIT restartRequested(selectedNode());
    });
    connect(m_slowdown, &QDoubleSpinBox::valueChanged, this, [this](double f) {
        if (!selectedNode().isEmpty())
            Q_EMIT slowdownRequested(selectedNode(), f);
    });

    // Two rows of controls: the panel fits a narrow dock (a 1366 x 768 screen) without hiding any of them.
    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(remove, 0, 1);
    buttons->addWidget(kill, 0, 2);
    buttons->addWidget(restart, 1, 0);
    buttons->addWidget(m_slowdown, 1, 1, 1, 2);
    buttons->setColumnStretch(3, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table);
    layout->addWidget(m_fingerprint);
    layout->addLayout(buttons);
}

void ClusterPanel::setNodes(const QVector<core::ExperimentNode> &nodes)
{
    m_table->setRowCount(0);
    m_states.clear();
    for (const core::ExperimentNode &n : nodes) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        setText(row, Name, n.name);
        setText(row, Role, n.role);
        setText(row, Address, n.isLocal() ? tr("local (slowdown ×%1)").arg(n.slowdown) : n.address);
        setText(row, Speed, QString());
        setText(row, Fingerprint, QString());
        setState(n.name, core::Controller::NodeState::Connecting);
    }
}

int ClusterPanel::rowOf(const QString &node) const
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, Name) && m_table->item(r, Name)->text() == node)
            return r;
    return -1;
}

void ClusterPanel::setText(int row, Column column, const QString &text)
{
    QTableWidgetItem *item = m_table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        m_table->setItem(row, column, item);
    }
    item->setText(text);
    item->setToolTip(text);
}

void ClusterPanel::showStatus(const QString &node, const QString &text, bool dead)
{
    const int row = rowOf(node);
    if (row < 0)
        return;
    setText(row, Status, text);
    for (int c = 0; c < ColumnCount; ++c) {
        if (QTableWidgetItem *item = m_table->item(row, c))
            item->setBackground(dead ? QBrush(kDead) : QBrush());
    }
}

void ClusterPanel::setState(const QString &node, core::Controller::NodeState state)
{
    using S = core::Controller::NodeState;
    m_states.insert(node, state);
    switch (state) {
    case S::Connecting: return showStatus(node, tr("connecting"), false);
    case S::Loading: return showStatus(node, tr("loading"), false);
    case S::Profiling: return showStatus(node, tr("profiling"), false);
    case S::Ready: return showStatus(node, tr("ready"), false);
    case S::Dead: return showStatus(node, tr("dead"), true);
    }
}

void ClusterPanel::setProgress(const QString &node, int done, int layers)
{
    if (m_states.value(node) == core::Controller::NodeState::Profiling)
        showStatus(node, tr("profiling %1%").arg(layers > 0 ? 100 * done / layers : 0), false);
}

void ClusterPanel::setBusy(const QStringList &nodes, bool busy)
{
    for (const QString &node : nodes) {
        if (m_states.value(node) == core::Controller::NodeState::Ready)
            showStatus(node, busy ? tr("busy") : tr("ready"), false);
    }
}

void ClusterPanel::setSpeeds(const QHash<QString, double> &speeds)
{
    for (auto it = speeds.begin(); it != speeds.end(); ++it) {
        const int row = rowOf(it.key());
        if (row >= 0)
            setText(row, Speed, QStringLiteral("%1").arg(it.value(), 0, 'f', 3));
    }
}

void ClusterPanel::setFingerprint(const QString &fingerprint)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        setText(r, Fingerprint, fingerprint);
    const QString shown = fingerprint.size() > 16 ? fingerprint.left(16) + QStringLiteral("…") : fingerprint;
    m_fingerprint->setText(fingerprint.isEmpty() ? QString() : tr("Weights: %1").arg(shown));
    m_fingerprint->setToolTip(fingerprint);
}

QString ClusterPanel::statusOf(const QString &node) const
{
    const int row = rowOf(node);
    return row >= 0 && m_table->item(row, Status) ? m_table->item(row, Status)->text() : QString();
}

bool ClusterPanel::isDead(const QString &node) const
{
    return m_states.value(node) == core::Controller::NodeState::Dead;
}

QString ClusterPanel::selectedNode() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), Name)->text();
}

void ClusterPanel::askToAdd()
{
    AddNodeDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT addRequested(dialog.node());
}

} // namespace d3::ui
