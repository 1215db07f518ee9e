#include "QueueDepthPanel.h"

#include "StageStyle.h"

#include <QPainter>


namespace d3::ui {
namespace {

constexpr int kMargin = 4;

/// The colour of a place: the stage figure's colour of its tier (waiting: grey).
QColor placeColor(int place)
{
    using P = core::StageDepths::Place;
    static const int stageOf[] = {-1, 0, 2, 4, 6, 7}; // StageStyle::all() index per place
    const int stage = place >= 0 && place < P::Places ? stageOf[place] : -1;
    return stage < 0 ? QColor(0x99, 0x99, 0x99) : StageStyle::all().at(stage).color;
}

} // namespace

QueueDepthPanel::QueueDepthPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("queueDepths"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Where the stream's requests are now: waiting at the device to be sent, then at each stage "
                  "(computing there or queued for it), then returning; a cell fills towards the queue (waiting) "
                  "or the in-flight bound. Throughput: requests completed per second over the last 5 s."));
}

QString QueueDepthPanel::placeLabel(int place)
{
    switch (place) {
    case core::StageDepths::Waiting:
        return tr("waiting");
    case core::StageDepths::Device:
        return tr("device");
    case core::StageDepths::Tiles:
        return tr("tiles");
    case core::StageDepths::Edge:
        return tr("edge");
    case core::StageDepths::Cloud:
        return tr("cloud");
    case core::StageDepths::Returning:
        return tr("returning");
    }
    return {};
}

void QueueDepthPanel::setDepths(const core::StageDepths::Counts &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    m_dirty = true;
}

void QueueDepthPanel::setStream(const core::ExperimentStream &stream)
{
    m_stream = stream;
    m_dirty = true;
}

void QueueDepthPanel::appendRequest(const core::RequestRecord &record)
{
    m_throughput.add(record);
    m_dirty = true;
}

void QueueDepthPanel::clear()
{
    m_counts = {};
    m_throughput.clear();
    m_dirty = true;
}

bool QueueDepthPanel::redrawIfDirty()
{
    if (!m_dirty)
        return false;
    m_dirty = false;
    setAccessibleDescription(summary());
    update();
    return true;
}

QString QueueDepthPanel::throughputText() const
{
    return tr("%1 req/s completed (last 5 s)").arg(throughput(), 0, 'f', 1);
}

QString QueueDepthPanel::summary() const
{
    QStringList parts;
    for (int p = 0; p < core::StageDepths::Places; ++p)
        parts << QStringLiteral("%1 %2").arg(placeLabel(p)).arg(m_counts[p]);
    return parts.join(QStringLiteral(" · ")) + QStringLiteral(" · ") + throughputText();
}

QSize QueueDepthPanel::sizeHint() const
{
    return QSize(720, minimumSizeHint().height());
}

QSize QueueDepthPanel::minimumSizeHint() const
{
    return QSize(360, 2 * fontMetrics().height() + 3 * kMargin);
}

int QueueDepthPanel::scaleOf(int place) const
{
    // What a full cell means: the queue for those waiting, the in-flight bound for the stages (more shows full).
    const int scale = place == core::StageDepths::Waiting ? m_stream.queue : m_stream.inFlight;
    return std::max({1, m_stream.enabled ? scale : 1, m_counts[place]});
}

void QueueDepthPanel::paintEvent(QPaintEvent *)
{
    ++m_paints;
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int first = kMargin;
    const int second = first + line + kMargin;
    QFont bold = font();
    bold.setBold(true);
    const QColor text = palette().windowText().color();

    // First line: what the strip shows and the bound, and the throughput at the right.
    auto pair = [&](int x, const QString &title, const QString &value) { // bold title, plain value; returns the end
        painter.setFont(bold);
        painter.drawText(QRect(x, first, width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
        x += QFontMetrics(bold).horizontalAdvance(title) + fm.horizontalAdvance(QLatin1Char(' '));
        painter.setFont(font());
        painter.drawText(QRect(x, first, width(), line), Qt::AlignLeft | Qt::AlignVCenter, value);
        return x + fm.horizontalAdvance(value);
    };
    painter.setPen(text);
    pair(kMargin, tr("Requests now"),
         m_stream.enabled ? tr("in flight ≤ %1").arg(m_stream.inFlight) : tr("one at a time"));
    const QString rateTitle = tr("Throughput");
    const QString rate = throughputText();
    const int rateWidth = QFontMetrics(bold).horizontalAdvance(rateTitle) + fm.horizontalAdvance(QLatin1Char(' '))
                          + fm.horizontalAdvance(rate);
    pair(std::max(kMargin, width() - kMargin - rateWidth), rateTitle, rate);

    // Second line: a cell per place, filled in its tier's colour as far as its count goes, with its label and count.
    const int places = core::StageDepths::Places;
    const double cell = double(width() - kMargin) / places;
    constexpr int edge = 3; // the tier's colour down the cell's left side
    for (int p = 0; p < places; ++p) {
        const QRect box(kMargin + int(p * cell), second, int(cell) - kMargin, line);
        const QColor color = placeColor(p);
        QColor tint = color;
        tint.setAlpha(70);
        const int filled = int(box.width() * double(m_counts[p]) / scaleOf(p) + 0.5);
        painter.fillRect(QRect(box.left(), box.top(), filled, box.height()), tint);
        painter.setPen(palette().mid().color());
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        painter.fillRect(QRect(box.left(), box.top(), edge, box.height()), color);
        const QString count = QString::number(m_counts[p]);
        const QRect inside = box.adjusted(edge + 3, 0, -3, 0);
        painter.setPen(text);
        painter.setFont(bold);
        painter.drawText(inside, Qt::AlignRight | Qt::AlignVCenter, count);
        painter.setFont(font());
        const int room = inside.width() - QFontMetrics(bold).horizontalAdvance(count) - 3;
        painter.drawText(inside, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(placeLabel(p), Qt::ElideRight, room));
    }
}

} // namespace d3::ui
