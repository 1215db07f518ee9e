#include "LinkRow.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace d3::ui {
namespace {

constexpr double kMinMbps = 0.1;   // slider position 0
constexpr double kMaxFieldMbps = 1e6; // the experiment file's limit
constexpr double kMaxFieldDelayMs = 60000;

double threeDigits(double v)
{
    const double unit = std::pow(10.0, std::floor(std::log10(v)) - 2);
    return std::round(v / unit) * unit;
}

QSlider *slider(int maximum, QWidget *parent)
{
    auto *s = new QSlider(Qt::Horizontal, parent);
    s->setRange(0, maximum);
    s->setMinimumWidth(40);
    return s;
}

/// Sizes an exact field to show widest (its longest usual text) whole, rather than its range's extreme.
void fitField(QDoubleSpinBox *box, const QString &widest)
{
    const QFontMetrics fm(box->font());
    const int text = qMax(fm.horizontalAdvance(widest), fm.horizontalAdvance(box->specialValueText()));
    // The spin box's own hint for a short range gives its frame and buttons.
    QDoubleSpinBox probe;
    probe.setFont(box->font());
    probe.setDecimals(0);
    probe.setRange(0, 0);
    const int chrome = probe.sizeHint().width() - fm.horizontalAdvance(QStringLiteral("0"));
    box->setFixedWidth(text + chrome);
}

} // namespace

LinkRow::LinkRow(const core::DirectedLink &link, QGridLayout *grid, int row, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_bandwidthSlider(slider(kUnlimitedPosition, grid->parentWidget()))
    , m_bandwidth(new QDoubleSpinBox(grid->parentWidget()))
    , m_delaySlider(slider(kMaxSliderDelayMs, grid->parentWidget()))
    , m_delay(new QDoubleSpinBox(grid->parentWidget()))
    , m_configured(new QLabel(grid->parentWidget()))
    , m_measured(new QLabel(grid->parentWidget()))
    , m_compression(new QLabel(grid->parentWidget()))
    , m_bothWays(new QCheckBox(grid->parentWidget()))
{
    QWidget *owner = grid->parentWidget();
    m_bandwidthSlider->setPageStep(kStepsPerDecade / 2);
    m_bandwidthSlider->setToolTip(tr("Bandwidth %1 → %2, logarithmic from 0.1 Mbit/s to 10 Gbit/s, then unlimited")
                                      .arg(link.from, link.to));
    m_bandwidth->setRange(0, kMaxFieldMbps);
    m_bandwidth->setDecimals(3);
    m_bandwidth->setSpecialValueText(tr("unlimited"));
    m_bandwidth->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_bandwidth->setKeyboardTracking(false);
    m_bandwidth->setToolTip(tr("Exact bandwidth in Mbit/s (0 = unlimited), applied on Enter"));
    m_delaySlider->setPageStep(50);
    m_delaySlider->setToolTip(tr("One-way delay %1 → %2, 0 to %3 ms").arg(link.from, link.to).arg(kMaxSliderDelayMs));
    m_delay->setRange(0, kMaxFieldDelayMs);
    m_delay->setDecimals(1);
    m_delay->setKeyboardTracking(false);
    m_delay->setToolTip(tr("Exact one-way delay in ms, applied on Enter"));
    m_measured->setToolTip(tr("Throughput measured on the link's transfers of 64 KiB or more"));
    m_bothWays->setToolTip(tr("Apply changes to %1 → %2 as well").arg(link.to, link.from));
    for (QLabel *label : {m_configured, m_measured})
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_compression->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_compression->setWordWrap(true); // a long codec name wraps rather than widening the rates' columns
    m_bothWays->setText(tr("both ways"));
    fitField(m_bandwidth, QStringLiteral("10000.000"));
    fitField(m_delay, QStringLiteral("1000.0"));

    connect(m_bandwidthSlider, &QSlider::valueChanged, this, [this](int position) {
        const QSignalBlocker block(m_bandwidth);
        m_bandwidth->setValue(mbpsAt(position));
        if (!m_bandwidthSlider->isSliderDown())
            commit();
    });
    connect(m_delaySlider, &QSlider::valueChanged, this, [this](int ms) {
        const QSignalBlocker block(m_delay);
        m_delay->setValue(ms);
        if (!m_delaySlider->isSliderDown())
            commit();
    });
    connect(m_bandwidthSlider, &QSlider::sliderReleased, this, &LinkRow::commit);
    connect(m_delaySlider, &QSlider::sliderReleased, this, &LinkRow::commit);
    connect(m_bandwidth, &QDoubleSpinBox::editingFinished, this, [this] {
        const QSignalBlocker block(m_bandwidthSlider);
        m_bandwidthSlider->setValue(positionOf(m_bandwidth->value()));
        commit();
    });
    connect(m_delay, &QDoubleSpinBox::editingFinished, this, [this] {
        const QSignalBlocker block(m_delaySlider);
        m_delaySlider->setValue(int(std::lround(std::min<double>(m_delay->value(), kMaxSliderDelayMs))));
        commit();
    });

    grid->addWidget(new QLabel(link.from, owner), row, From);
    grid->addWidget(new QLabel(link.to, owner), row, To);
    grid->addWidget(m_bandwidth, row, Bandwidth);
    grid->addWidget(m_bandwidthSlider, row + 1, Bandwidth);
    grid->addWidget(m_delay, row, Delay);
    grid->addWidget(m_delaySlider, row + 1, Delay);
    grid->addWidget(m_configured, row, Configured);
    grid->addWidget(m_measured, row, Measured);
    grid->addWidget(m_compression, row + 1, Configured, 1, ColumnCount - Configured);
    grid->addWidget(m_bothWays, row + 1, From, 1, Bandwidth - From);
    setConfigured(link);
    setMeasured(0);
}

void LinkRow::setValues(const core::DirectedLink &link)
{
    m_link = link;
    if (!m_bandwidthSlider->isSliderDown()) {
        const QSignalBlocker blockSlider(m_bandwidthSlider);
        const QSignalBlocker blockField(m_bandwidth);
        m_bandwidthSlider->setValue(positionOf(link.mbps));
        m_bandwidth->setValue(link.mbps);
    }
    if (!m_delaySlider->isSliderDown()) {
        const QSignalBlocker blockSlider(m_delaySlider);
        const QSignalBlocker blockField(m_delay);
        m_delaySlider->setValue(int(std::lround(std::min<double>(link.delayMs, kMaxSliderDelayMs))));
        m_delay->setValue(link.delayMs);
    }
}

void LinkRow::setConfigured(const core::DirectedLink &link)
{
    setValues(link);
    m_configured->setText(formatMbps(link.mbps));
    m_configured->setToolTip(tr("Configured: %1, one-way delay %2 ms, burst %3 bytes")
                                 .arg(link.mbps > 0 ? tr("%1 Mbit/s").arg(link.mbps) : tr("unlimited"))
                                 .arg(link.delayMs)
                                 .arg(link.burstBytes));
}

void LinkRow::setMeasured(double mbps)
{
    m_mbps = mbps;
    showMeasured();
}

void LinkRow::setCompression(const QString &codec, double ratio)
{
    m_codec = codec;
    m_ratio = ratio;
    showMeasured();
}

void LinkRow::showMeasured()
{
    m_measured->setText(m_mbps > 0 ? formatMbps(m_mbps) : QStringLiteral("—"));
    const bool compressed = !m_codec.isEmpty() && m_codec != QLatin1String("none");
    m_compression->setText(compressed ? tr("%1: %2x smaller").arg(m_codec).arg(1.0 / m_ratio, 0, 'f', 2) : QString());
    m_compression->setVisible(compressed);
    m_measured->setToolTip(m_codec.isEmpty() ? QString()
                                             : tr("last transfer: codec %1, wire bytes / raw bytes %2")
                                                   .arg(m_codec).arg(m_ratio, 0, 'f', 3));
    m_compression->setToolTip(m_measured->toolTip());
}

bool LinkRow::bothWays() const
{
    return m_bothWays->isChecked();
}

QString LinkRow::configuredText() const
{
    return m_configured->text();
}

QString LinkRow::measuredText() const
{
    return m_compression->text().isEmpty() ? m_measured->text()
                                           : m_measured->text() + QLatin1Char('\n') + m_compression->text();
}

void LinkRow::commit()
{
    core::DirectedLink next = m_link;
    next.mbps = m_bandwidth->value();
    next.delayMs = m_delay->value();
    if (next == m_link)
        return;
    m_link = next;
    Q_EMIT edited(next, bothWays());
}

double LinkRow::mbpsAt(int position)
{
    if (position > kTopPosition)
        return 0;
    return threeDigits(kMinMbps * std::pow(10.0, double(std::max(position, 0)) / kStepsPerDecade));
}

int LinkRow::positionOf(double mbps)
{
    if (mbps <= 0)
        return kUnlimitedPosition;
    const long position = std::lround(std::log10(mbps / kMinMbps) * kStepsPerDecade);
    return int(std::clamp<long>(position, 0, kTopPosition));
}

QString LinkRow::formatMbps(double mbps)
{
    if (mbps <= 0)
        return tr("unlimited");
    return QString::number(mbps, 'f', mbps >= 100 ? 0 : mbps >= 10 ? 1 : mbps >= 1 ? 2 : 3);
}

} // namespace d3::ui
