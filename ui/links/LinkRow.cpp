#include "LinkRow.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
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
    s->setMinimumWidth(90);
    return s;
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
    , m_bothWays(new QCheckBox(grid->parentWidget()))
{
    QWidget *owner = grid->parentWidget();
    m_bandwidthSlider->setPageStep(kStepsPerDecade / 2);
    m_bandwidthSlider->setToolTip(tr("Bandwidth %1 → %2, logarithmic from 0.1 Mbit/s to 10 Gbit/s, then unlimited")
                                      .arg(link.from, link.to));
    m_bandwidth->setRange(0, kMaxFieldMbps);
    m_bandwidth->setDecimals(3);
    m_bandwidth->setSpecialValueText(tr("unlimited"));
    m_bandwidth->setSuffix(tr(" Mbit/s"));
    m_bandwidth->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_bandwidth->setKeyboardTracking(false);
    m_bandwidth->setToolTip(tr("Exact bandwidth in Mbit/s (0 = unlimited), applied on Enter"));
    m_delaySlider->setPageStep(50);
    m_delaySlider->setToolTip(tr("One-way delay %1 → %2, 0 to %3 ms").arg(link.from, link.to).arg(kMaxSliderDelayMs));
    m_delay->setRange(0, kMaxFieldDelayMs);
    m_delay->setDecimals(1);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setKeyboardTracking(false);
    m_delay->setToolTip(tr("Exact one-way delay in ms, applied on Enter"));
    m_measured->setToolTip(tr("Throughput measured on the link's transfers of 64 KiB or more"));
    m_bothWays->setToolTip(tr("Apply changes to %1 → %2 as well").arg(link.to, link.from));
    for (QLabel *label : {m_configured, m_measured})
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

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
    grid->addWidget(m_bandwidthSlider, row, BandwidthSlider);
    grid->addWidget(m_bandwidth, row, Bandwidth);
    grid->addWidget(m_delaySlider, row, DelaySlider);
    grid->addWidget(m_delay, row, Delay);
    grid->addWidget(m_configured, row, Configured);
    grid->addWidget(m_measured, row, Measured);
    grid->addWidget(m_bothWays, row, BothWays, Qt::AlignCenter);
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
    QString text = m_mbps > 0 ? formatMbps(m_mbps) : QStringLiteral("—");
    if (!m_codec.isEmpty() && m_codec != QLatin1String("none"))
        text += QStringLiteral("\n") + tr("%1: %2x smaller").arg(m_codec).arg(1.0 / m_ratio, 0, 'f', 2);
    m_measured->setText(text);
    m_measured->setToolTip(m_codec.isEmpty() ? QString()
                                             : tr("last transfer: codec %1, wire bytes / raw bytes %2")
                                                   .arg(m_codec).arg(m_ratio, 0, 'f', 3));
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
    return m_measured->text();
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
