#include "PlanChoiceCommand.h"

namespace d3::ui {

PlanChoiceCommand::PlanChoiceCommand(PlanChoice before, PlanChoice after, Apply apply)
    : m_before(std::move(before))
    , m_after(std::move(after))
    , m_apply(std::move(apply))
{
    setText(tr("%1 instead of %2").arg(describe(m_after), describe(m_before)));
}

void PlanChoiceCommand::undo()
{
    m_apply(m_before);
}

void PlanChoiceCommand::redo()
{
    m_apply(m_after);
}

QString PlanChoiceCommand::describe(const PlanChoice &c)
{
    if (!c.manual())
        return c.tiles ? c.planner : tr("%1 without tiles").arg(c.planner);
    QString text = tr("manual cuts %1, %2").arg(c.p).arg(c.q);
    if (c.rows * c.cols > 1)
        text += tr(", %1x%2 tiles").arg(c.rows).arg(c.cols);
    return text;
}

} // namespace d3::ui
