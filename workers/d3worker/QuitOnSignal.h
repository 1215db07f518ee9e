#pragma once

#include <QObject>

class QSocketNotifier;

namespace d3::worker {

/// Turns SIGTERM and SIGINT into QCoreApplication::quit() (through a pipe the handler writes one byte to), so that
/// main() returns and destructors run: a worker started with --kernel-shaping removes its qdiscs on the way out.
/// One per process, made in main() after the application.
class QuitOnSignal : public QObject
{
    Q_OBJECT
public:
    /// Installs the handlers; false if the pipe could not be made (the signals then keep their default).
    bool install();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace d3::worker
