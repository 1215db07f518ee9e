#pragma once

#include <QGraphicsRectItem>
#include <QRect>
#include <QString>

class QGraphicsSimpleTextItem;
class QGraphicsView;

namespace d3::ui {

/// The label beside a dragged partition handle (the cut's crossing bytes, tensors and predicted latency): framed
/// text that ignores the view's zoom, placed in viewport pixels beside the handle's grip and always wholly inside the
/// viewport. GUI thread only; owned by its scene.
class CutLabelItem : public QGraphicsRectItem
{
public:
    /// A hidden label.
    CutLabelItem();

    /// Shows text beside `grip` (viewport pixels): right of it, or left when there is no room, moved inside view's
    /// viewport.
    void showBeside(const QString &text, const QRect &grip, const QGraphicsView *view);
    /// The text shown.
    QString text() const;
    /// Where it is drawn, in view's viewport pixels.
    QRect viewportRect(const QGraphicsView *view) const;

private:
    QGraphicsSimpleTextItem *m_text;
};

} // namespace d3::ui
