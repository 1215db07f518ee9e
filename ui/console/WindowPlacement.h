#pragma once

#include <QRect>

class QScreen;
class QWidget;

namespace d3::ui {

/// Where the main window goes on its screen: on first launch a share of the screen's available geometry (the desktop
/// less panels and docks), centred; a remembered geometry that no longer fits (a smaller screen, another monitor) is
/// shrunk and moved onto the available geometry. Pure geometry, any thread; screenUnder needs a QGuiApplication.
class WindowPlacement
{
public:
    /// The share of the available width and height a first window takes.
    static constexpr double kShare = 0.9;

    /// The first geometry on a screen whose available geometry is available: kShare of it, centred.
    static QRect initial(const QRect &available);
    /// geometry itself when available contains it, else as much of it as fits, moved inside available.
    static QRect fitted(const QRect &geometry, const QRect &available);
    /// The screen under the centre of geometry (the primary screen when no screen is).
    static QScreen *screenUnder(const QRect &geometry);
    /// Gives window (a top-level not yet shown, or shown) a geometry that fits the screen under it: initial() when
    /// restored is false (nothing remembered), else fitted() to its current geometry. True when it placed the window
    /// anew (nothing remembered, or what was did not fit): a remembered dock layout no longer matches its size.
    static bool place(QWidget *window, bool restored);
    /// Once window is shown and its frame known: moves and shrinks it so that its frame (title bar and borders
    /// included) fits the available geometry of the screen under it; false when it already did.
    static bool fitFrame(QWidget *window);
};

} // namespace d3::ui
