#include "QuitQuestion.h"

#include <QMessageBox>

namespace d3::ui {

bool QuitQuestion::ask(QWidget *parent)
{
    return QMessageBox::question(parent, tr("Quit d3lab?"),
                                 tr("Requests are running. Quit and stop them?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

} // namespace d3::ui
