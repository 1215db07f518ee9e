#pragma once

#include <QCoreApplication>

#include <memory>

namespace d3::cli {

/// Creates d3ctl's application object: a QApplication for the commands that draw (run, replay), headless (the Qt
/// platform defaults to "offscreen" when QT_QPA_PLATFORM is unset), and a QCoreApplication for every other one, so
/// they start as fast as before and need no display or GUI libraries at run time.
class AppFactory
{
public:
    /// The application for the command in argv[1]; argc must outlive it (Qt keeps a reference).
    static std::unique_ptr<QCoreApplication> create(int &argc, char **argv);
    /// True for the subcommands that draw (need a QApplication).
    static bool draws(const char *command);
};

} // namespace d3::cli
