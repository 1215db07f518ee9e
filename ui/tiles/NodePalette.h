#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>

namespace d3::ui {

/// A fixed palette of light colours (black text stays readable on each) handed out to worker names by their
/// sorted order: the names seen so far keep their colours as long as no name sorting before them appears, so the
/// same node keeps its colour from plan to plan of one session. GUI thread.
class NodePalette
{
public:
    /// Learns names (duplicates and names already known are ignored).
    void add(const QStringList &names);
    /// The colour of name (learned or not: an unknown name gets the colour its sorted place would give it).
    QColor colour(const QString &name) const;
    /// The palette's colours, in order.
    static const QVector<QColor> &colours();

private:
    QStringList m_names; // sorted, distinct
};

} // namespace d3::ui
