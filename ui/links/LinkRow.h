#pragma once

#include "experiment/DirectedLink.h"

#include <QObject>

class QCheckBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace d3::ui {

/// One directed link's row of the links panel, as widgets placed on two lines of a grid (compact enough for a narrow
/// dock): from, to, the exact bandwidth field in Mbit/s (0 shows "unlimited") with a logarithmic slider under it
/// (0.1 Mbit/s .. 10 Gbit/s, then "unlimited"), the exact delay field in ms with its slider (0..500 ms) under it, the
/// configured and the measured rate with the last transfer's compression under them, and "both ways" under the
/// link's names. A change is
/// reported once the operator lets go: at a slider's release (or a keyboard step), at a field's Enter or focus
/// loss; never while dragging. The widgets belong to the grid's widget. GUI thread.
class LinkRow : public QObject
{
    Q_OBJECT
public:
    /// The grid columns a row fills (the sliders sit under their fields, the compression under the rates, "both
    /// ways" under from and to).
    enum Column { From, To, Bandwidth, Delay, Configured, Measured, ColumnCount };
    /// The grid lines a row takes: the fields, then the sliders.
    static constexpr int kLines = 2;
    /// Bandwidth slider positions per decade of Mbit/s.
    static constexpr int kStepsPerDecade = 100;
    /// The slider position of 10 Gbit/s; one past it is "unlimited".
    static constexpr int kTopPosition = 5 * kStepsPerDecade;
    /// The slider position meaning unlimited (0 Mbit/s).
    static constexpr int kUnlimitedPosition = kTopPosition + 1;
    /// Largest delay the slider reaches, in ms (the exact field goes to the file format's 60000).
    static constexpr int kMaxSliderDelayMs = 500;

    /// Places link's widgets on lines row and row + 1 of grid (whose widget owns them).
    LinkRow(const core::DirectedLink &link, QGridLayout *grid, int row, QObject *parent = nullptr);

    /// The figures the row holds now (what it last reported, or was given).
    const core::DirectedLink &link() const { return m_link; }
    /// Shows link's figures in the controls (not while the operator drags a slider) without reporting them.
    void setValues(const core::DirectedLink &link);
    /// The controller applied link: shows it as configured and in the controls.
    void setConfigured(const core::DirectedLink &link);
    /// The measured rate in Mbit/s (0 = none yet).
    void setMeasured(double mbps);
    /// Shows what the link's last transfer was compressed to (its codec, wire / raw bytes) under the rate.
    void setCompression(const QString &codec, double ratio);
    /// True when a change is to be applied to the reverse direction as well.
    bool bothWays() const;

    /// The bandwidth slider (positions 0..kUnlimitedPosition).
    QSlider *bandwidthSlider() const { return m_bandwidthSlider; }
    /// The exact bandwidth field in Mbit/s (0 shows "unlimited").
    QDoubleSpinBox *bandwidthBox() const { return m_bandwidth; }
    /// The delay slider in ms.
    QSlider *delaySlider() const { return m_delaySlider; }
    /// The exact delay field in ms.
    QDoubleSpinBox *delayBox() const { return m_delay; }
    /// The configured rate as shown ("unlimited", "100", ...).
    QString configuredText() const;
    /// The measured rate as shown ("—" while none), with the compression on a second line when there is one.
    QString measuredText() const;
    /// The "both ways" check box.
    QCheckBox *bothWaysBox() const { return m_bothWays; }

    /// The rate of a bandwidth slider position in Mbit/s, to three significant digits (0 = unlimited).
    static double mbpsAt(int position);
    /// The bandwidth slider position nearest to mbps (0 = unlimited; rates beyond 10 Gbit/s stop at the top).
    static int positionOf(double mbps);
    /// A rate in Mbit/s as a short number ("0.25", "12.5", "940"); 0 as "unlimited".
    static QString formatMbps(double mbps);

Q_SIGNALS:
    /// The operator changed the figures (bothWays: apply them to the reverse direction too).
    void edited(const d3::core::DirectedLink &link, bool bothWays);

private:
    void commit();

    core::DirectedLink m_link;
    QSlider *m_bandwidthSlider;
    QDoubleSpinBox *m_bandwidth;
    QSlider *m_delaySlider;
    QDoubleSpinBox *m_delay;
    void showMeasured();

    QLabel *m_configured;
    QLabel *m_measured;
    QLabel *m_compression;
    double m_mbps = 0;
    QString m_codec;
    double m_ratio = 1;
    QCheckBox *m_bothWays;
};

} // namespace d3::ui
