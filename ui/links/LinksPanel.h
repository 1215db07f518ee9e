#pragma once

#include "experiment/DirectedLink.h"
#include "experiment/ExperimentLink.h"
#include "experiment/ExperimentNode.h"

#include <QHash>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QScrollArea;

namespace d3::ui {

class LinkRow;

/// The links panel: one row per directed link (LinkRow: bandwidth and delay sliders with exact fields, configured
/// and measured throughput side by side), grouped by class in the order device → edge, edge → edge, edge → cloud,
/// cloud → edge, edge → device (other pairs last). A class of several links starts with a row for all of them (the
/// tier link, as an experiment names it: "edge->cloud", or with "both ways" the pair "edge<->cloud"), so a tier is
/// set in one go. A change is reported with linkChanged, named as in an experiment file ("device->edge2",
/// "edge1<->edge2", "edge<->cloud"), once the operator lets go of a slider or finishes a field; the panel only asks,
/// and shows as configured what setConfigured() confirms.
/// The panel is never narrower than its columns (fullWidth()): it scrolls down, never sideways.
/// GUI thread.
class LinksPanel : public QWidget
{
    Q_OBJECT
public:
    /// An empty panel.
    explicit LinksPanel(QWidget *parent = nullptr);

    /// The experiment's nodes: every link between them gets a row (unshaped until configured), grouped by their
    /// roles (without nodes, only the links given get rows and a node's role is the tier word its name starts
    /// with: "edge2" is an edge node). Rebuilds the rows.
    void setNodes(const QVector<core::ExperimentNode> &nodes);
    /// The configured links (as Experiment::expandLinks() gives them); rebuilds the rows, measured values cleared.
    void setLinks(const QVector<core::DirectedLink> &links);
    /// One link's configuration changed elsewhere (a timeline event, the controller applying a change); a link
    /// without a row gets one.
    void setConfigured(const core::DirectedLink &link);
    /// The measured throughput of a link in Mbit/s (0 = none yet); a link without a row gets one (unshaped).
    void setMeasured(const QString &from, const QString &to, double mbps);
    /// A link's last transfer: codec and wire bytes / raw bytes (LinkRow::setCompression).
    void setCompression(const QString &from, const QString &to, const QString &codec, double ratio);

    /// Number of link rows.
    int rowCount() const { return m_rows.size(); }
    /// The row of the link from -> to, or nullptr.
    LinkRow *row(const QString &from, const QString &to) const;
    /// The row for every link of a class ("edge->cloud"), or nullptr when the class has one link or none.
    LinkRow *tierRow(const QString &linkClass) const { return m_tierRows.value(linkClass); }
    /// The class of a link by its nodes' roles ("device->edge", ...).
    QString classOf(const QString &from, const QString &to) const;
    /// The narrowest the panel shows every column at without scrolling sideways (its vertical scroll bar included).
    int fullWidth() const;
    /// The group titles shown, in display order.
    QStringList groupTitles() const { return m_titles; }

Q_SIGNALS:
    /// The operator changed a link's bandwidth (Mbit/s, 0 = unlimited) or one-way delay (ms): one direction
    /// ("edge1->cloud"), both ("edge1<->cloud"), or a tier's links ("edge->cloud", "edge<->cloud").
    void linkChanged(const d3::core::ExperimentLink &link);

private:
    static QString key(const QString &from, const QString &to) { return from + QLatin1String("->") + to; }
    QString roleOf(const QString &node) const;
    QString titleOf(const QString &linkClass) const;
    /// A role's word as shown ("device", "edge", "cloud", "other"), translated.
    static QString roleName(const QString &role);
    void rebuild();
    void onEdited(const core::DirectedLink &link, bool bothWays);
    /// A tier row of linkClass was edited: reported as the tier link, shown in its rows.
    void onTierEdited(const QString &linkClass, const core::DirectedLink &link, bool bothWays);

    QVector<core::ExperimentNode> m_nodes;
    QHash<QString, QString> m_roles;
    QVector<core::DirectedLink> m_links;
    QHash<QString, double> m_measured;
    QHash<QString, LinkRow *> m_rows;
    QHash<QString, LinkRow *> m_tierRows; // by class
    QStringList m_titles;
    QScrollArea *m_scroll;
};

} // namespace d3::ui
