#include "LinksPanel.h"

#include "LinkRow.h"
#include "UiLog.h"
#include "experiment/LinkName.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace d3::ui {
namespace {

/// The classes in display order; pairs of other roles follow.
const QStringList kClassOrder{QStringLiteral("device->edge"), QStringLiteral("edge->edge"),
                              QStringLiteral("edge->cloud"), QStringLiteral("cloud->edge"),
                              QStringLiteral("edge->device")};

/// Every directed link among nodes: device <-> edge, edge <-> edge, edge <-> cloud (device <-> cloud directly
/// only when there is no edge node), in node order.
QVector<core::LinkName::Direction> allDirections(const QVector<core::ExperimentNode> &nodes)
{
    bool edges = false;
    for (const core::ExperimentNode &n : nodes)
        edges = edges || n.role == QLatin1String("edge");
    QVector<core::LinkName::Direction> all;
    QVector<core::LinkName::Direction> some;
    QString why;
    for (const char *pair : {"device<->edge", "edge<->edge", "edge<->cloud"})
        if (core::LinkName::resolve(QString::fromLatin1(pair), nodes, &some, &why))
            all += some;
    for (const core::ExperimentNode &a : nodes)
        for (const core::ExperimentNode &b : nodes)
            if (!edges && a.role != b.role && a.role != QLatin1String("edge") && b.role != QLatin1String("edge"))
                all.append({a.name, b.name});
    return all;
}

QLabel *headerLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

LinksPanel::LinksPanel(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
{
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_scroll);
    rebuild();
}

void LinksPanel::setNodes(const QVector<core::ExperimentNode> &nodes)
{
    m_nodes = nodes;
    m_roles.clear();
    for (const core::ExperimentNode &n : nodes)
        m_roles.insert(n.name, n.role);
    rebuild();
}

void LinksPanel::setLinks(const QVector<core::DirectedLink> &links)
{
    m_links = links;
    m_measured.clear();
    rebuild();
}

void LinksPanel::setConfigured(const core::DirectedLink &link)
{
    const auto same = [&link](const core::DirectedLink &l) { return l.from == link.from && l.to == link.to; };
    if (const auto it = std::find_if(m_links.begin(), m_links.end(), same); it != m_links.end())
        *it = link;
    else
        m_links.append(link);
    if (LinkRow *r = row(link.from, link.to)) {
        r->setConfigured(link);
        if (LinkRow *tier = tierRow(classOf(link.from, link.to))) // the tier shows its latest link's figures
            tier->setValues({tier->link().from, tier->link().to, link.mbps, link.delayMs, link.burstBytes});
    } else {
        rebuild();
    }
}

void LinksPanel::setMeasured(const QString &from, const QString &to, double mbps)
{
    m_measured.insert(key(from, to), mbps);
    if (LinkRow *r = row(from, to))
        return r->setMeasured(mbps);
    m_links.append({from, to, 0, 0, 0});
    rebuild();
}

void LinksPanel::setCompression(const QString &from, const QString &to, const QString &codec, double ratio)
{
    if (LinkRow *r = row(from, to))
        r->setCompression(codec, ratio);
}

int LinksPanel::fullWidth() const
{
    const QMargins margins = layout()->contentsMargins();
    return m_scroll->widget()->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width()
         + 2 * m_scroll->frameWidth() + margins.left() + margins.right();
}

LinkRow *LinksPanel::row(const QString &from, const QString &to) const
{
    return m_rows.value(key(from, to));
}

QString LinksPanel::roleOf(const QString &node) const
{
    if (m_roles.contains(node))
        return m_roles.value(node);
    for (const QString &tier : core::LinkName::tiers())
        if (node.startsWith(tier))
            return tier;
    return QString();
}

QString LinksPanel::classOf(const QString &from, const QString &to) const
{
    return key(roleOf(from), roleOf(to));
}

QString LinksPanel::roleName(const QString &role)
{
    if (role == QLatin1String("device"))
        return tr("device");
    if (role == QLatin1String("edge"))
        return tr("edge");
    if (role == QLatin1String("cloud"))
        return tr("cloud");
    return tr("other");
}

QString LinksPanel::titleOf(const QString &linkClass) const
{
    const QStringList roles = linkClass.split(QStringLiteral("->"));
    return tr("%1 → %2").arg(roleName(roles.value(0)), roleName(roles.value(1)));
}

void LinksPanel::rebuild()
{
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater(); // a row may be the sender of the signal that got here
    m_rows.clear();
    m_tierRows.clear();
    m_titles.clear();

    // Every link between the nodes, then configured or measured links among other names; configured figures win.
    QVector<core::DirectedLink> links;
    QHash<QString, int> index;
    const auto add = [&](const core::DirectedLink &link) {
        const QString k = key(link.from, link.to);
        if (index.contains(k))
            return void(links[index.value(k)] = link);
        index.insert(k, links.size());
        links.append(link);
    };
    for (const core::LinkName::Direction &d : allDirections(m_nodes))
        add({d.first, d.second, 0, 0, 0});
    for (const core::DirectedLink &link : m_links)
        add(link);

    QStringList classes = kClassOrder;
    for (const core::DirectedLink &link : links)
        if (!classes.contains(classOf(link.from, link.to)))
            classes << classOf(link.from, link.to);

    auto *table = new QWidget;
    auto *grid = new QGridLayout(table);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setVerticalSpacing(2);
    // Two-line headers keep the columns as narrow as their figures.
    const QStringList headers{tr("From"), tr("To"), tr("Bandwidth\nMbit/s"), tr("Delay\nms"),
                              tr("Configured\nMbit/s"), tr("Measured\nMbit/s")};
    for (int c = 0; c < headers.size(); ++c)
        grid->addWidget(headerLabel(headers.at(c), table), 0, c);
    int line = 1;
    for (const QString &linkClass : classes) {
        bool titled = false;
        for (const core::DirectedLink &link : links) {
            if (classOf(link.from, link.to) != linkClass)
                continue;
            if (!titled) {
                m_titles << titleOf(linkClass);
                grid->addWidget(headerLabel(m_titles.last(), table), line++, 0, 1, LinkRow::ColumnCount);
                titled = true;
                const qsizetype members = std::count_if(links.cbegin(), links.cend(), [&](const core::DirectedLink &l) {
                    return classOf(l.from, l.to) == linkClass;
                });
                const QStringList roles = linkClass.split(QStringLiteral("->"));
                if (members > 1 && roles.size() == 2 && kClassOrder.contains(linkClass)) {
                    const auto every = [](const QString &role) { // as narrow as a node's name
                        return role == QLatin1String("edge") ? tr("edges") : roleName(role);
                    };
                    auto *tier = new LinkRow({every(roles[0]), every(roles[1]), link.mbps, link.delayMs,
                                              link.burstBytes},
                                             grid, line, table);
                    line += LinkRow::kLines;
                    tier->setConfigured(tier->link());
                    connect(tier, &LinkRow::edited, this, [this, linkClass](const core::DirectedLink &l, bool both) {
                        onTierEdited(linkClass, l, both);
                    });
                    m_tierRows.insert(linkClass, tier);
                }
            }
            auto *r = new LinkRow(link, grid, line, table);
            line += LinkRow::kLines;
            r->setMeasured(m_measured.value(key(link.from, link.to)));
            connect(r, &LinkRow::edited, this, &LinksPanel::onEdited);
            m_rows.insert(key(link.from, link.to), r);
        }
    }
    if (links.isEmpty())
        grid->addWidget(new QLabel(tr("no links yet"), table), line++, 0, 1, LinkRow::ColumnCount);
    grid->setRowStretch(line, 1);
    grid->setColumnStretch(LinkRow::Bandwidth, 1);
    grid->setColumnStretch(LinkRow::Delay, 1);
    m_scroll->setWidget(table);
    setMinimumWidth(fullWidth()); // a dock holding the panel shows every column: it only ever scrolls down
}

void LinksPanel::onEdited(const core::DirectedLink &link, bool bothWays)
{
    LinkRow *reverse = bothWays ? row(link.to, link.from) : nullptr;
    const QString name = link.from + (reverse ? QLatin1String("<->") : QLatin1String("->")) + link.to;
    qCDebug(lcUi) << "link" << name << link.mbps << "Mbit/s" << link.delayMs << "ms";
    Q_EMIT linkChanged({name, link.mbps, link.delayMs, link.burstBytes});
    if (reverse)
        reverse->setValues({link.to, link.from, link.mbps, link.delayMs, reverse->link().burstBytes});
}

void LinksPanel::onTierEdited(const QString &linkClass, const core::DirectedLink &link, bool bothWays)
{
    const QStringList roles = linkClass.split(QStringLiteral("->"));
    const QString name = roles.value(0) + (bothWays ? QLatin1String("<->") : QLatin1String("->")) + roles.value(1);
    qCDebug(lcUi) << "tier link" << name << link.mbps << "Mbit/s" << link.delayMs << "ms";
    Q_EMIT linkChanged({name, link.mbps, link.delayMs, link.burstBytes});
    const QString reverseClass = roles.value(1) + QLatin1String("->") + roles.value(0);
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const QString c = classOf(it.value()->link().from, it.value()->link().to);
        if (c == linkClass || (bothWays && c == reverseClass)) // shown at once; configured when confirmed
            it.value()->setValues({it.value()->link().from, it.value()->link().to, link.mbps, link.delayMs,
                                   it.value()->link().burstBytes});
    }
    if (LinkRow *reverse = bothWays && reverseClass != linkClass ? tierRow(reverseClass) : nullptr)
        reverse->setValues({reverse->link().from, reverse->link().to, link.mbps, link.delayMs, link.burstBytes});
}

} // namespace d3::ui
