#pragma once

#include "PlanChoice.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace d3::ui {

/// One step of the console's plan history (Edit > Undo, the layer graph's Undo): the operator's choice before and
/// after a drag of the cuts, a tile grid or a planner switch. Redo applies the new choice (also when pushed), undo the
/// old one, planner, tiles, cuts and grid together, both through the same function. Pushing a new step onto the
/// stack drops the steps that were undone (the history branches).
class PlanChoiceCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::PlanChoiceCommand)
public:
    /// Applies a choice: on redo the new one, on undo the old one.
    using Apply = std::function<void(const PlanChoice &choice)>;

    /// A change from before to after.
    PlanChoiceCommand(PlanChoice before, PlanChoice after, Apply apply);

    void undo() override;
    void redo() override;

    /// The choice before.
    const PlanChoice &before() const { return m_before; }
    /// The choice after.
    const PlanChoice &after() const { return m_after; }
    /// A choice in a few words ("hpa", "hpa without tiles", "manual cuts 5, 40, 2x2 tiles").
    static QString describe(const PlanChoice &choice);

private:
    PlanChoice m_before;
    PlanChoice m_after;
    Apply m_apply;
};

} // namespace d3::ui
