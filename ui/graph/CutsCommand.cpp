#include "CutsCommand.h"

namespace d3::ui {

CutsCommand::CutsCommand(int oldP, int oldQ, int newP, int newQ, Apply apply)
    : m_oldP(oldP)
    , m_oldQ(oldQ)
    , m_newP(newP)
    , m_newQ(newQ)
    , m_apply(std::move(apply))
{
    setText(tr("move the cuts from %1, %2 to %3, %4").arg(oldP).arg(oldQ).arg(newP).arg(newQ));
}

void CutsCommand::undo()
{
    m_apply(m_oldP, m_oldQ);
}

void CutsCommand::redo()
{
    m_apply(m_newP, m_newQ);
}

} // namespace d3::ui
