#pragma once

#include <QCoreApplication>

#include <functional>

class QWidget;

namespace d3::ui {

/// The question closing the console asks while requests are running: quit, stopping them, or keep running (the
/// default button). A window holds it as an Ask so that tests can answer without a modal dialog. GUI thread.
class QuitQuestion
{
    Q_DECLARE_TR_FUNCTIONS(d3::ui::QuitQuestion)

public:
    /// Asks over parent; true to quit.
    using Ask = std::function<bool(QWidget *parent)>;

    /// The message box: "Requests are running. Quit and stop them?", No by default; true for Yes.
    static bool ask(QWidget *parent);
};

} // namespace d3::ui
