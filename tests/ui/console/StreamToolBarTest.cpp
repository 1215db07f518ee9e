// The stream's controls: what the operator sets becomes a stream or an objective for the session, what the session
// shows emits nothing, and only what applies is enabled.
#include "console/StreamToolBar.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using core::ExperimentStream;
using core::Objective;

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_stream_toolbar_tests";
    static char *argv[] = {name, nullptr};
    static QApplication instance(argc, argv);
    return instance;
}

template<typename T>
T *control(StreamToolBar &bar, const char *name)
{
    T *c = bar.findChild<T *>(QLatin1String(name));
    EXPECT_NE(c, nullptr) << name;
    return c;
}

TEST(StreamToolBarTest, TheOperatorsChoicesBecomeTheSessionsStreamAndObjective)
{
    app();
    StreamToolBar bar;
    auto *on = control<QCheckBox>(bar, "streamOn");
    auto *arrivals = control<QComboBox>(bar, "streamArrivals");
    auto *rate = control<QDoubleSpinBox>(bar, "streamRate");
    auto *inFlight = control<QSpinBox>(bar, "streamInFlight");
    auto *objective = control<QComboBox>(bar, "objective");
    ASSERT_TRUE(on && arrivals && rate && inFlight && objective);
    EXPECT_FALSE(on->isEnabled()); // no session yet
    for (QWidget *w : std::initializer_list<QWidget *>{on, arrivals, rate, inFlight, objective})
        EXPECT_FALSE(w->toolTip().isEmpty()) << w->objectName().toStdString();

    // What the session says is shown, not sent back.
    QSignalSpy streams(&bar, &StreamToolBar::streamChosen);
    QSignalSpy objectives(&bar, &StreamToolBar::objectiveChosen);
    ExperimentStream shown;
    shown.enabled = true;
    shown.arrivals = ExperimentStream::Arrivals::Poisson;
    shown.rateHz = 30;
    shown.inFlight = 6;
    shown.queue = 99;
    shown.seed = 7;
    bar.showStream(shown, Objective{Objective::Kind::Throughput, 0});
    bar.setSessionReady(true);
    EXPECT_EQ(streams.count(), 0);
    EXPECT_EQ(objectives.count(), 0);
    EXPECT_TRUE(on->isChecked());
    EXPECT_EQ(rate->value(), 30.0);
    EXPECT_EQ(inFlight->value(), 6);
    EXPECT_EQ(bar.objective().kind, Objective::Kind::Throughput);

    // The bound: 1..32; a change is a stream with everything else kept (queue, seed).
    inFlight->setValue(40);
    EXPECT_EQ(inFlight->value(), ExperimentStream::kMaxInFlight);
    ASSERT_EQ(streams.count(), 1);
    auto s = streams.last().at(0).value<ExperimentStream>();
    EXPECT_TRUE(s.enabled);
    EXPECT_EQ(s.inFlight, 32);
    EXPECT_EQ(s.arrivals, ExperimentStream::Arrivals::Poisson);
    EXPECT_EQ(s.rateHz, 30.0);
    EXPECT_EQ(s.queue, 99);
    EXPECT_EQ(s.seed, 7u);

    // Closed loop has no rate: the rate box is off, and the stream says 0.
    arrivals->setCurrentIndex(arrivals->findData(int(ExperimentStream::Arrivals::Closed)));
    ASSERT_EQ(streams.count(), 2);
    s = streams.last().at(0).value<ExperimentStream>();
    EXPECT_EQ(s.arrivals, ExperimentStream::Arrivals::Closed);
    EXPECT_EQ(s.rateHz, 0.0);
    EXPECT_FALSE(rate->isEnabled());

    // Latency under the rate: the rate box is the objective's rate while the stream is closed loop.
    objective->setCurrentIndex(objective->findData(int(Objective::Kind::LatencyUnderRate)));
    ASSERT_EQ(objectives.count(), 1);
    EXPECT_EQ(objectives.last().at(0).value<Objective>().rateHz, 30.0);
    EXPECT_TRUE(rate->isEnabled());
    rate->setValue(45);
    ASSERT_EQ(objectives.count(), 2);
    EXPECT_EQ(objectives.last().at(0).value<Objective>().kind, Objective::Kind::LatencyUnderRate);
    EXPECT_EQ(objectives.last().at(0).value<Objective>().rateHz, 45.0);
    EXPECT_EQ(streams.count(), 2);

    // At a fixed rate, the rate is the stream's (the session gives it to the objective).
    arrivals->setCurrentIndex(arrivals->findData(int(ExperimentStream::Arrivals::Fixed)));
    rate->setValue(50);
    ASSERT_EQ(streams.count(), 4);
    s = streams.last().at(0).value<ExperimentStream>();
    EXPECT_EQ(s.arrivals, ExperimentStream::Arrivals::Fixed);
    EXPECT_EQ(s.rateHz, 50.0);
    EXPECT_EQ(objectives.count(), 2);

    // Off: one request at a time; while off, the settings change without a command, and on sends them all.
    on->setChecked(false);
    ASSERT_EQ(streams.count(), 5);
    EXPECT_FALSE(streams.last().at(0).value<ExperimentStream>().enabled);
    inFlight->setValue(3);
    EXPECT_EQ(streams.count(), 5);
    on->setChecked(true);
    ASSERT_EQ(streams.count(), 6);
    s = streams.last().at(0).value<ExperimentStream>();
    EXPECT_TRUE(s.enabled);
    EXPECT_EQ(s.inFlight, 3);

    bar.setSessionReady(false);
    EXPECT_FALSE(inFlight->isEnabled());
}

} // namespace
} // namespace d3::ui
