#include "StreamToolBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace d3::ui {

using core::ExperimentStream;
using core::Objective;

StreamToolBar::StreamToolBar(QWidget *parent)
    : QToolBar(tr("Stream"), parent)
    , m_on(new QCheckBox(tr("Stream"), this))
    , m_arrivals(new QComboBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_inFlight(new QSpinBox(this))
    , m_objective(new QComboBox(this))
{
    setObjectName(QStringLiteral("streamToolBar"));
    m_on->setObjectName(QStringLiteral("streamOn"));
    m_on->setToolTip(tr("Send the requests as a pipelined stream, several in flight, so that every tier works on a "
                        "different request at once; off: one request at a time"));
    m_arrivals->setObjectName(QStringLiteral("streamArrivals"));
    m_arrivals->addItem(tr("fixed rate"), int(ExperimentStream::Arrivals::Fixed));
    m_arrivals->addItem(tr("Poisson"), int(ExperimentStream::Arrivals::Poisson));
    m_arrivals->addItem(tr("closed loop"), int(ExperimentStream::Arrivals::Closed));
    m_arrivals->setToolTip(tr("How requests arrive: at a fixed interval, at random (Poisson) intervals of the same "
                              "mean, or closed loop (a new one as soon as one ends, the bound always in flight)"));
    m_rate->setObjectName(QStringLiteral("streamRate"));
    m_rate->setRange(0.1, 1000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_rate->setKeyboardTracking(false); // a typed rate applies once, not digit by digit
    m_rate->setValue(kDefaultRateHz);
    m_rate->setToolTip(tr("Requests offered per second (fixed and Poisson arrivals); also the rate that latency under "
                          "the rate must keep up with. Arrivals beyond the bound wait at the device; a full queue "
                          "drops one, on the record"));
    m_inFlight->setObjectName(QStringLiteral("streamInFlight"));
    m_inFlight->setRange(1, ExperimentStream::kMaxInFlight);
    m_inFlight->setValue(ExperimentStream().inFlight);
    m_inFlight->setKeyboardTracking(false);
    m_inFlight->setSuffix(tr(" in flight"));
    m_inFlight->setToolTip(tr("The most requests in the cluster at once (1..%1); no worker holds more than this many "
                              "requests' work").arg(ExperimentStream::kMaxInFlight));
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItem(tr("latency"), int(Objective::Kind::Latency));
    m_objective->addItem(tr("throughput"), int(Objective::Kind::Throughput));
    m_objective->addItem(tr("latency under the rate"), int(Objective::Kind::LatencyUnderRate));
    m_objective->setToolTip(tr("What the planner optimises: one request's latency; the stream's throughput (the "
                               "busiest tier or link, least time per request); or the least latency among the plans "
                               "that keep up with the rate. The planner plans anew at once"));

    addWidget(m_on);
    addWidget(m_arrivals);
    addWidget(m_rate);
    addWidget(m_inFlight);
    addSeparator();
    addWidget(new QLabel(tr(" Optimise "), this));
    addWidget(m_objective);

    connect(m_on, &QCheckBox::toggled, this, [this] {
        showEnabled();
        Q_EMIT streamChosen(stream());
    });
    connect(m_arrivals, &QComboBox::currentIndexChanged, this, [this] {
        showEnabled();
        if (m_on->isChecked())
            Q_EMIT streamChosen(stream());
    });
    connect(m_inFlight, &QSpinBox::valueChanged, this, [this] {
        if (m_on->isChecked())
            Q_EMIT streamChosen(stream());
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &StreamToolBar::rateChanged);
    connect(m_objective, &QComboBox::currentIndexChanged, this, [this] {
        showEnabled();
        Q_EMIT objectiveChosen(objective());
    });
    setSessionReady(false);
}

void StreamToolBar::rateChanged()
{
    const ExperimentStream s = stream();
    if (s.enabled && s.openLoop())
        Q_EMIT streamChosen(s); // the session makes it latency under the rate's too
    else if (objective().kind == Objective::Kind::LatencyUnderRate)
        Q_EMIT objectiveChosen(objective());
}

void StreamToolBar::showStream(const ExperimentStream &stream, const Objective &objective)
{
    const QSignalBlocker a(m_on);
    const QSignalBlocker b(m_arrivals);
    const QSignalBlocker c(m_rate);
    const QSignalBlocker d(m_inFlight);
    const QSignalBlocker e(m_objective);
    m_shown = stream;
    m_on->setChecked(stream.enabled);
    m_arrivals->setCurrentIndex(m_arrivals->findData(int(stream.arrivals)));
    m_inFlight->setValue(stream.inFlight);
    const double rate = stream.openLoop() && stream.rateHz > 0 ? stream.rateHz : objective.rateHz;
    if (rate > 0)
        m_rate->setValue(rate);
    m_objective->setCurrentIndex(m_objective->findData(int(objective.kind)));
    showEnabled();
}

void StreamToolBar::setSessionReady(bool ready)
{
    m_ready = ready;
    showEnabled();
}

void StreamToolBar::showEnabled()
{
    const bool open = ExperimentStream::Arrivals(m_arrivals->currentData().toInt()) != ExperimentStream::Arrivals::Closed;
    const bool underRate = Objective::Kind(m_objective->currentData().toInt()) == Objective::Kind::LatencyUnderRate;
    m_on->setEnabled(m_ready);
    m_arrivals->setEnabled(m_ready);
    m_inFlight->setEnabled(m_ready);
    m_rate->setEnabled(m_ready && (open || underRate));
    m_objective->setEnabled(m_ready);
}

ExperimentStream StreamToolBar::stream() const
{
    ExperimentStream s = m_shown;
    s.enabled = m_on->isChecked();
    s.arrivals = ExperimentStream::Arrivals(m_arrivals->currentData().toInt());
    s.rateHz = s.openLoop() ? m_rate->value() : 0;
    s.inFlight = m_inFlight->value();
    return s;
}

Objective StreamToolBar::objective() const
{
    Objective o;
    o.kind = Objective::Kind(m_objective->currentData().toInt());
    o.rateHz = o.kind == Objective::Kind::LatencyUnderRate ? m_rate->value() : 0;
    return o;
}

} // namespace d3::ui
