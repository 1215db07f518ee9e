#include "NodePalette.h"

#include <algorithm>

namespace d3::ui {

const QVector<QColor> &NodePalette::colours()
{
    // The light half of matplotlib's tab20, the hues of the plots' stages.
    static const QVector<QColor> palette{{174, 199, 232}, {255, 187, 120}, {152, 223, 138}, {255, 152, 150},
                                         {197, 176, 213}, {196, 156, 148}, {247, 182, 210}, {199, 199, 199},
                                         {219, 219, 141}, {158, 218, 229}};
    return palette;
}

void NodePalette::add(const QStringList &names)
{
    for (const QString &name : names)
        if (!name.isEmpty() && !m_names.contains(name))
            m_names.insert(std::lower_bound(m_names.begin(), m_names.end(), name) - m_names.begin(), name);
}

QColor NodePalette::colour(const QString &name) const
{
    const auto index = std::lower_bound(m_names.begin(), m_names.end(), name) - m_names.begin();
    return colours().at(int(index % colours().size()));
}

} // namespace d3::ui
