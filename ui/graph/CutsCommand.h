#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace d3::ui {

/// A move of the two cuts (device | edge at p, edge | cloud at q) on the layer graph's undo stack: redo applies the
/// new cuts, undo the old ones, both through the same function (which recolours and asks for the plan).
class CutsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::CutsCommand)
public:
    /// Applies cuts (p, q); called with the new cuts on redo (also when pushed) and the old ones on undo.
    using Apply = std::function<void(int p, int q)>;

    /// A move from (oldP, oldQ) to (newP, newQ).
    CutsCommand(int oldP, int oldQ, int newP, int newQ, Apply apply);

    void undo() override;
    void redo() override;

    /// The cuts before the move.
    int oldP() const { return m_oldP; }
    /// The cuts before the move.
    int oldQ() const { return m_oldQ; }
    /// The cuts after the move.
    int newP() const { return m_newP; }
    /// The cuts after the move.
    int newQ() const { return m_newQ; }

private:
    int m_oldP;
    int m_oldQ;
    int m_newP;
    int m_newQ;
    Apply m_apply;
};

} // namespace d3::ui
