#include "LiveSessionSupport.h"

#include "ChildProcesses.h"
#include "EventLoop.h"

#include <QLoggingCategory>
#include <QThread>

#include <gtest/gtest.h>

namespace d3::core::LiveSessionSupport {

QCoreApplication &app()
{
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.debug=false"));
    return test::EventLoop::app();
}

QVector<qint64> workers()
{
    return test::ChildProcesses::pids(QStringLiteral("d3worker"));
}

Experiment alexnetCluster()
{
    QString error;
    const auto e = Experiment::parse(R"({"format": "d3lab-experiment", "version": 1, "name": "session",
        "nodes": [{"name": "device", "role": "device", "slowdown": 3}, {"name": "edge1", "role": "edge"},
                  {"name": "edge2", "role": "edge"}, {"name": "cloud", "role": "cloud"}],
        "model": "alexnet", "planner": "hpa", "profile": {"warmup": 0, "runs": 1},
        "links": {"device<->edge": {"mbps": 200, "delay_ms": 1}, "edge<->cloud": {"mbps": 100, "delay_ms": 2}},
        "requests": {"count": 1000}})", QStringLiteral("session.json"), QString(), &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return *e;
}

Heard::Heard(const LiveSession &s)
{
    const SessionWorker *w = s.worker();
    QObject::connect(w, &SessionWorker::ready, [this] { ready = true; });
    QObject::connect(w, &SessionWorker::failed, [this](const QString &m) { failures << m; });
    QObject::connect(w, &SessionWorker::requestDone, [this](const RequestRecord &r) { requests << r; });
    QObject::connect(w, &SessionWorker::event, [this](const RunEvent &e) { events << e; });
    QObject::connect(w, &SessionWorker::finished, [this](qint64 count) { finished = count; });
    QObject::connect(w, &SessionWorker::planChanged,
                     [this](quint64, const PlanResult &p, const QStringList &, const QString &) { plan = p; });
    QObject::connect(w, &SessionWorker::nodeStateChanged,
                     [this](const QString &n, Controller::NodeState st) { states.insert(n, st); });
    QObject::connect(w, &SessionWorker::modelLoaded, w,
                     [this](const ModelGraph &g) {
                         threads << QThread::currentThreadId();
                         layers = g.layerCount();
                     },
                     Qt::DirectConnection);
    QObject::connect(w, &SessionWorker::streamChanged, [this](const ExperimentStream &st, const Objective &o) {
        stream = st;
        objective = o;
    });
    QObject::connect(w, &SessionWorker::depthsChanged, [this](const StageDepths::Counts &c) { depths << c; });
}

int Heard::recordsNoting(const QString &text) const
{
    return int(std::count_if(requests.cbegin(), requests.cend(),
                             [&](const RequestRecord &r) { return r.actions.contains(text); }));
}

} // namespace d3::core::LiveSessionSupport
