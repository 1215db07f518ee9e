#include "WindowPlacement.h"

#include "UiLog.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace d3::ui {

QRect WindowPlacement::initial(const QRect &available)
{
    QRect r(0, 0, qRound(available.width() * kShare), qRound(available.height() * kShare));
    r.moveCenter(available.center());
    return r;
}

QRect WindowPlacement::fitted(const QRect &geometry, const QRect &available)
{
    if (available.contains(geometry))
        return geometry;
    QRect r = geometry;
    r.setSize(geometry.size().boundedTo(available.size()));
    r.moveLeft(qBound(available.left(), r.left(), available.right() + 1 - r.width()));
    r.moveTop(qBound(available.top(), r.top(), available.bottom() + 1 - r.height()));
    return r;
}

QScreen *WindowPlacement::screenUnder(const QRect &geometry)
{
    if (QScreen *screen = QGuiApplication::screenAt(geometry.center()))
        return screen;
    return QGuiApplication::primaryScreen();
}

bool WindowPlacement::place(QWidget *window, bool restored)
{
    QScreen *screen = screenUnder(restored ? window->geometry() : window->screen()->geometry());
    if (!screen)
        return !restored;
    const QRect available = screen->availableGeometry();
    const QRect geometry = restored ? fitted(window->geometry(), available) : initial(available);
    const bool moved = geometry != window->geometry();
    if (moved)
        qCDebug(lcUi) << "window" << window->geometry() << "->" << geometry << "on" << screen->name() << available;
    window->setGeometry(geometry);
    return !restored || moved;
}

bool WindowPlacement::fitFrame(QWidget *window)
{
    const QRect frame = window->frameGeometry();
    QScreen *screen = screenUnder(frame);
    if (!screen)
        return false;
    const QRect fit = fitted(frame, screen->availableGeometry());
    if (fit == frame)
        return false;
    const QRect inner = window->geometry();
    const QMargins margins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                           frame.bottom() - inner.bottom());
    qCDebug(lcUi) << "window frame" << frame << "->" << fit << "on" << screen->name();
    window->setGeometry(fit.marginsRemoved(margins));
    return true;
}

} // namespace d3::ui
