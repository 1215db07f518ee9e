#include "record/RequestCsv.h"
#include "record/RunReader.h"
#include "record/RunRecorder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>

namespace d3::core {
namespace {

RequestRecord record(quint64 id, const QString &plan, const QString &failure = QString())
{
    RequestRecord r;
    r.phase = int(id % 3);
    r.id = id;
    r.planId = 1000 + id;
    r.planner = QStringLiteral("hpa");
    r.plan = plan;
    r.completed = failure.isEmpty();
    r.failure = failure;
    r.startMs = 0.1 + 0.2 + double(id) * 37.25;
    r.endToEndMs = r.completed ? 123.456789 + double(id) : 0;
    r.predictedMs = 120.0 / 7.0;
    r.deviceMs = 1e-9;
    r.tilesMs = 12.5;
    r.edgeMs = 3;
    r.cloudMs = 44.125;
    r.uplinkMs = 5.0 / 3.0;
    r.edgeEdgeMs = 0.75;
    r.backboneMs = 9.999999999;
    r.returnMs = 0.03125;
    r.codecs[RequestRecord::Backbone] = {QStringLiteral("none+zero"), 802816 + qint64(id), 1.0 / 3.0, 0.125};
    r.codecs[RequestRecord::Uplink] = {QStringLiteral("shuffle-zstd"), 150528, 2.5, 1e-3};
    r.uplinkBytes = 602112;
    r.edgeEdgeBytes = 1;
    r.backboneBytes = qint64(1) << 40;
    r.returnBytes = 4000;
    r.criticalPathMs = r.completed ? 121.0 / 3.0 : 0;
    r.arrivalMs = r.startMs - 2.0 / 3.0;
    r.dropped = id == 3;
    r.inFlight = int(id % 5);
    r.predictedRps = 1000.0 / 7.0;
    r.deviceQueueMs = 0.1;
    r.tilesQueueMs = 1.0 / 9.0;
    r.edgeQueueMs = 2.5;
    r.cloudQueueMs = 1e-6;
    r.linkQueueMs = {0.5, 0.25, 17.0 / 3.0, 0};
    return r;
}

RunEvent event(double tMs, const QString &kind, const QString &label)
{
    RunEvent e;
    e.tMs = tMs;
    e.phase = 1;
    e.kind = kind;
    e.label = label;
    e.details = QJsonObject{{QStringLiteral("plan_id"), 7}, {QStringLiteral("cuts"), QJsonArray{3, 14}}};
    return e;
}

void expectSame(const RequestRecord &a, const RequestRecord &b)
{
    EXPECT_EQ(a.phase, b.phase);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.planId, b.planId);
    EXPECT_EQ(a.planner, b.planner);
    EXPECT_EQ(a.plan, b.plan);
    EXPECT_EQ(a.probe, b.probe);
    EXPECT_EQ(a.completed, b.completed);
    EXPECT_EQ(a.failure, b.failure);
    EXPECT_EQ(a.actions, b.actions);
    EXPECT_EQ(a.criticalPathMs, b.criticalPathMs);
    EXPECT_EQ(a.dropped, b.dropped);
    EXPECT_EQ(a.inFlight, b.inFlight);
    EXPECT_EQ(a.linkQueueMs, b.linkQueueMs);
    for (auto field : {&RequestRecord::startMs, &RequestRecord::endToEndMs, &RequestRecord::predictedMs,
                       &RequestRecord::deviceMs, &RequestRecord::tilesMs, &RequestRecord::edgeMs,
                       &RequestRecord::cloudMs, &RequestRecord::uplinkMs, &RequestRecord::edgeEdgeMs,
                       &RequestRecord::backboneMs, &RequestRecord::returnMs, &RequestRecord::arrivalMs,
                       &RequestRecord::predictedRps, &RequestRecord::deviceQueueMs, &RequestRecord::tilesQueueMs,
                       &RequestRecord::edgeQueueMs, &RequestRecord::cloudQueueMs})
        EXPECT_EQ(a.*field, b.*field); // bit for bit: the CSV keeps the shortest exact decimal form
    for (auto field : {&RequestRecord::uplinkBytes, &RequestRecord::edgeEdgeBytes, &RequestRecord::backboneBytes,
                       &RequestRecord::returnBytes})
        EXPECT_EQ(a.*field, b.*field);
    for (int link = 0; link < RequestRecord::Links; ++link) {
        EXPECT_EQ(a.codecs[link].codec, b.codecs[link].codec);
        EXPECT_EQ(a.codecs[link].rawBytes, b.codecs[link].rawBytes);
        EXPECT_EQ(a.codecs[link].encodeMs, b.codecs[link].encodeMs);
        EXPECT_EQ(a.codecs[link].decodeMs, b.codecs[link].decodeMs);
        EXPECT_EQ(a.linkQueueMs[link], b.linkQueueMs[link]);
    }
}

class RunRecorderTest : public ::testing::Test
{
protected:
    QTemporaryDir tmp;
    QString dir() const { return tmp.filePath(QStringLiteral("run")); }
    QString file(const char *name) const { return QDir(dir()).filePath(QLatin1String(name)); }

    void append(const char *name, const QByteArray &bytes) const
    {
        QFile f(file(name));
        ASSERT_TRUE(f.open(QIODevice::Append));
        ASSERT_EQ(f.write(bytes), bytes.size());
    }

    void replaceIn(const char *name, const QByteArray &from, const QByteArray &to) const
    {
        QFile f(file(name));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        ASSERT_TRUE(bytes.contains(from)) << from.toStdString();
        bytes.replace(from, to);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    /// Records n plain requests and the events; returns the recorder still open.
    void recordSimple(RunRecorder *recorder, int n) const
    {
        QString error;
        ASSERT_TRUE(recorder->open(dir(), &error)) << error.toStdString();
        for (int i = 0; i < n; ++i)
            recorder->add(record(quint64(i), QStringLiteral("p=3 q=14")));
        recorder->add(event(0, QStringLiteral("phase"), QStringLiteral("phase 0")));
        recorder->add(event(10, QStringLiteral("plan"), QStringLiteral("hpa: cut 14")));
    }

    /// The one-line error of reading the run, or a failure if it reads.
    QString readError() const
    {
        QString error;
        const auto data = RunReader::read(dir(), &error);
        EXPECT_FALSE(data.has_value());
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
        return error;
    }
};

TEST_F(RunRecorderTest, HeaderIsTheDocumentedColumns)
{
    RunRecorder recorder;
    QString error;
    ASSERT_TRUE(recorder.open(dir(), &error)) << error.toStdString();
    QFile f(file("requests.csv"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("phase,id,plan_id,planner,plan,probe,completed,failure,start_ms,end_to_end_ms,"
                                      "predicted_ms,device_ms,tiles_ms,edge_ms,cloud_ms,uplink_ms,edge_edge_ms,"
                                      "backbone_ms,return_ms,uplink_bytes,edge_edge_bytes,backbone_bytes,"
                                      "return_bytes,attempts,uplink_codec,uplink_raw_bytes,uplink_encode_ms,"
                                      "uplink_decode_ms,edge_edge_codec,edge_edge_raw_bytes,edge_edge_encode_ms,"
                                      "edge_edge_decode_ms,backbone_codec,backbone_raw_bytes,backbone_encode_ms,"
                                      "backbone_decode_ms,return_codec,return_raw_bytes,return_encode_ms,"
                                      "return_decode_ms,actions,critical_path_ms,arrival_ms,dropped,in_flight,"
                                      "predicted_rps,device_queue_ms,tiles_queue_ms,edge_queue_ms,cloud_queue_ms,"
                                      "uplink_queue_ms,edge_edge_queue_ms,backbone_queue_ms,return_queue_ms\n"));
    EXPECT_EQ(RequestCsv::columns().size(), 54);
}

// Runs recorded before the stream columns (12 columns less), before the critical_path_ms column (13 less), before
// the actions column (14 less), before the codec columns (30 less) and before the attempts column (31 less) read,
// with what those columns would say of them.
TEST_F(RunRecorderTest, RunsRecordedBeforeTheNewerColumnsRead)
{
    for (int dropped : {12, 13, 14, 30, 31}) {
        SCOPED_TRACE(dropped);
        {
            RunRecorder recorder;
            recordSimple(&recorder, 3);
        }
        QFile f(file("requests.csv"));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        QByteArrayList lines = f.readAll().split('\n');
        f.close();
        for (QByteArray &line : lines)
            for (int column = 0; column < dropped && !line.isEmpty(); ++column)
                line.truncate(line.lastIndexOf(','));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        QString error;
        const auto data = RunReader::read(dir(), &error);
        ASSERT_TRUE(data) << error.toStdString();
        ASSERT_EQ(data->requests.size(), 3);
        for (const RequestRecord &r : data->requests) {
            EXPECT_EQ(r.attempts, 1);
            EXPECT_EQ(r.arrivalMs, r.startMs); // each request arrived when it was sent
            EXPECT_FALSE(r.dropped);
            EXPECT_EQ(r.inFlight, 0);
            EXPECT_EQ(r.cloudQueueMs, 0);
            if (dropped > 12)
                EXPECT_EQ(r.criticalPathMs, 0);
            if (dropped > 13)
                EXPECT_EQ(r.actions, QString());
            if (dropped > 14)
                EXPECT_EQ(r.codecs[RequestRecord::Backbone].codec, QString());
        }
    }
}

TEST_F(RunRecorderTest, RoundTripsRecordsWithAwkwardText)
{
    QVector<RequestRecord> records{
        record(0, QStringLiteral("p=7 q=14 tiles 2x2 of [7, 12) on 3 node(s)")),
        record(1, QStringLiteral("a \"quoted\" plan, with a comma")),
        record(2, QStringLiteral("two\nlines\r\nand CRLF"), QStringLiteral("worker 'edge1' lost: \"closed\", 3 hops")),
        record(3, QStringLiteral("  spaces kept  "), QStringLiteral("timeout after 30000 ms")),
        record(4, QString()),
        record(5, QStringLiteral("中文 plan — ünïcödé, \"q\"")),
        record(std::numeric_limits<quint64>::max(), QStringLiteral("\"")),
    };
    records[3].probe = true;
    records[4].planner = QStringLiteral("manual");
    records[4].actions = QStringLiteral("operator: cuts 3, 14; timeline: backbone drops (edge<->cloud 5 Mbit/s, 20 ms)");
    records[2].actions = QStringLiteral("operator: \"odd\", text\nacross lines");
    records[5].startMs = 1e15 + 0.5;
    QVector<RunEvent> events{
        event(0, QStringLiteral("phase"), QStringLiteral("phase 0: resnet18 / hpa")),
        event(12.5, QStringLiteral("timeline"), QStringLiteral("backbone drops, \"badly\"\nnew line")),
        event(13.25, QStringLiteral("plan"), QStringLiteral("hpa: edge|cloud cut 14 -> 18")),
        event(99, QStringLiteral("note"), QString()),
    };
    events[3].details = QJsonObject();
    const QJsonObject summary{{QStringLiteral("requests"), 7}, {QStringLiteral("name"), QStringLiteral("t")}};
    {
        RunRecorder recorder;
        QString error;
        ASSERT_TRUE(recorder.open(dir(), &error)) << error.toStdString();
        for (const RequestRecord &r : records)
            recorder.add(r);
        for (const RunEvent &e : events)
            recorder.add(e);
        ASSERT_TRUE(recorder.writeSummary(summary, &error)) << error.toStdString();
        ASSERT_TRUE(recorder.writeExperiment(QJsonObject{{QStringLiteral("name"), QStringLiteral("t")}}, &error));
        EXPECT_TRUE(recorder.error().isEmpty()) << recorder.error().toStdString();
    }
    EXPECT_TRUE(QFile::exists(file("experiment.json")));
    QString error;
    const auto data = RunReader::read(dir(), &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    ASSERT_EQ(data->requests.size(), records.size());
    for (int i = 0; i < records.size(); ++i) {
        SCOPED_TRACE(i);
        expectSame(data->requests.at(i), records.at(i));
    }
    ASSERT_EQ(data->events.size(), events.size());
    for (int i = 0; i < events.size(); ++i) {
        EXPECT_EQ(data->events.at(i).tMs, events.at(i).tMs);
        EXPECT_EQ(data->events.at(i).phase, events.at(i).phase);
        EXPECT_EQ(data->events.at(i).kind, events.at(i).kind);
        EXPECT_EQ(data->events.at(i).label, events.at(i).label);
        EXPECT_EQ(data->events.at(i).details, events.at(i).details);
    }
    EXPECT_EQ(data->summary, summary);
}

TEST_F(RunRecorderTest, AKilledRunKeepsEveryRowItRecorded)
{
    RunRecorder recorder; // never closed while the run is read: as if the process had been killed
    recordSimple(&recorder, 3);
    QString error;
    auto data = RunReader::read(dir(), &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    EXPECT_EQ(data->requests.size(), 3);
    EXPECT_EQ(data->events.size(), 2);
    EXPECT_TRUE(data->summary.isEmpty()); // the summary is written at the end

    // Killed in the middle of a row and a line: the partial ones are dropped, the rest kept.
    append("requests.csv", "0,9,1009,hpa,\"p=3, q=1");
    append("events.jsonl", "{\"t_ms\": 20, \"pha");
    data = RunReader::read(dir(), &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    EXPECT_EQ(data->requests.size(), 3);
    EXPECT_EQ(data->events.size(), 2);
}

TEST_F(RunRecorderTest, ALastRowWithoutItsLineBreakIsKeptWhenWhole)
{
    RunRecorder recorder;
    recordSimple(&recorder, 2);
    QByteArray row = RequestCsv::row(record(7, QStringLiteral("x")));
    row.chop(1);
    append("requests.csv", row);
    QString error;
    const auto data = RunReader::read(dir(), &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    ASSERT_EQ(data->requests.size(), 3);
    EXPECT_EQ(data->requests.last().id, 7u);
}

TEST_F(RunRecorderTest, ACorruptRowIsOneLineNamingTheFileAndLine)
{
    RunRecorder recorder;
    recordSimple(&recorder, 4);
    recorder.close();
    // Row of request 1 is line 3 (the header is line 1). 37.55 is its start_ms (0.1 + 0.2 + 37.25, rounded).
    const QByteArray start = RequestCsv::row(record(1, QStringLiteral("p=3 q=14"))).split(',').at(8);
    replaceIn("requests.csv", "," + start + ",", ",abc,");
    const QString error = readError();
    EXPECT_TRUE(error.startsWith(file("requests.csv") + QStringLiteral(":3: column start_ms: 'abc' is not a number")))
        << error.toStdString();
}

TEST_F(RunRecorderTest, CorruptRowsOfEveryKind)
{
    const auto check = [&](const QByteArray &row, const QString &expected) {
        RunRecorder recorder;
        recordSimple(&recorder, 1);
        append("requests.csv", RequestCsv::row(record(5, QStringLiteral("multi\nline"))));
        append("requests.csv", row);
        append("requests.csv", RequestCsv::row(record(6, QStringLiteral("after"))));
        recorder.close();
        const QString error = readError();
        EXPECT_TRUE(error.startsWith(file("requests.csv") + QStringLiteral(":5: ") + expected)) << error.toStdString();
    };
    QByteArray good = RequestCsv::row(record(9, QStringLiteral("p")));
    check("1,2,3\n", QStringLiteral("3 fields, expected 54"));
    check(QByteArray(good).replace(",hpa,", ",h\"pa,"), QStringLiteral("a quote inside unquoted field 4"));
    check(QByteArray(good).replace(",hpa,", ",\"hpa\"x,"), QStringLiteral("text after the closing quote of field 4"));
    check(QByteArray(good).replace(",hpa,p,0,1,", ",hpa,p,yes,1,"), QStringLiteral("column probe: 'yes' is not 0 or 1"));
    check(QByteArray(good).replace(",602112,", ",-5,"), QStringLiteral("column uplink_bytes: '-5' is not an integer"));
    check("\n", QStringLiteral("1 fields, expected 54"));
    QByteArrayList fields = good.split(',');
    fields[23] = "0"; // the attempts
    check(fields.join(','), QStringLiteral("column attempts: '0' is not in 1..1000"));
    fields[23] = "1";
    fields[25] = "-1"; // uplink_raw_bytes
    check(fields.join(','), QStringLiteral("column uplink_raw_bytes: '-1' is not an integer"));
    fields[25] = "1";
    fields[RequestCsv::columns().indexOf(QStringLiteral("dropped"))] = "2";
    check(fields.join(','), QStringLiteral("column dropped: '2' is not 0 or 1"));
}

TEST_F(RunRecorderTest, BadHeadersEventsAndSummaries)
{
    {
        RunRecorder recorder;
        recordSimple(&recorder, 1);
    }
    replaceIn("requests.csv", "phase,id,", "phase,ident,");
    EXPECT_TRUE(readError().startsWith(file("requests.csv") + QStringLiteral(":1: the header")));

    const auto eventError = [&](const QByteArray &line) {
        RunRecorder recorder;
        recordSimple(&recorder, 1);
        append("events.jsonl", line);
        append("events.jsonl", "{\"t_ms\": 1, \"phase\": 0, \"kind\": \"note\"}\n");
        recorder.close();
        const QString error = readError();
        EXPECT_TRUE(error.startsWith(file("events.jsonl") + QStringLiteral(":3: "))) << error.toStdString();
        return error;
    };
    EXPECT_TRUE(eventError("{not json}\n").contains(QStringLiteral("not JSON")));
    EXPECT_TRUE(eventError("[1, 2]\n").contains(QStringLiteral("not a JSON object")));
    EXPECT_TRUE(eventError("\n").contains(QStringLiteral("empty line")));
    EXPECT_TRUE(eventError("{\"t_ms\": 1, \"phase\": 0, \"kind\": \"plan\", \"colour\": 1}\n")
                    .contains(QStringLiteral("unknown key 'colour'")));
    EXPECT_TRUE(eventError("{\"t_ms\": \"1\", \"phase\": 0, \"kind\": \"plan\"}\n").contains(QStringLiteral("t_ms")));
    EXPECT_TRUE(eventError("{\"t_ms\": 1, \"phase\": 0.5, \"kind\": \"plan\"}\n").contains(QStringLiteral("phase")));
    EXPECT_TRUE(eventError("{\"t_ms\": 1, \"phase\": 0, \"kind\": \"\"}\n").contains(QStringLiteral("kind")));

    {
        RunRecorder recorder;
        recordSimple(&recorder, 1);
    }
    append("summary.json", "[1]");
    EXPECT_TRUE(readError().startsWith(file("summary.json") + QStringLiteral(": not a JSON object")));
}

TEST_F(RunRecorderTest, MissingFilesAndFolders)
{
    QString error;
    EXPECT_FALSE(RunReader::read(dir(), &error).has_value());
    EXPECT_EQ(error, dir() + QStringLiteral(": no such folder"));
    ASSERT_TRUE(QDir().mkpath(dir()));
    EXPECT_TRUE(readError().startsWith(file("requests.csv") + QStringLiteral(": missing")));
    append("requests.csv", RequestCsv::header());
    EXPECT_TRUE(readError().startsWith(file("events.jsonl") + QStringLiteral(": missing")));
    append("events.jsonl", "");
    EXPECT_TRUE(RunReader::read(dir(), &error).has_value()) << error.toStdString();
    QFile::resize(file("requests.csv"), 0);
    EXPECT_TRUE(readError().startsWith(file("requests.csv") + QStringLiteral(": empty")));
}

TEST_F(RunRecorderTest, RefusesAFileAsTheRunFolder)
{
    QFile f(dir());
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    RunRecorder recorder;
    QString error;
    EXPECT_FALSE(recorder.open(dir(), &error));
    EXPECT_EQ(error, dir() + QStringLiteral(": is a file, not a folder (a run writes a folder of files)"));
    EXPECT_FALSE(recorder.isOpen());
    EXPECT_FALSE(RunReader::read(dir(), &error).has_value());
    EXPECT_TRUE(error.startsWith(dir() + QStringLiteral(": not a folder")));
}

TEST_F(RunRecorderTest, OpeningAgainStartsAFreshRun)
{
    {
        RunRecorder recorder;
        recordSimple(&recorder, 5);
        QString error;
        ASSERT_TRUE(recorder.writeSummary(QJsonObject{{QStringLiteral("old"), true}}, &error));
    }
    RunRecorder recorder;
    recordSimple(&recorder, 1);
    QString error;
    const auto data = RunReader::read(dir(), &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    EXPECT_EQ(data->requests.size(), 1);
    EXPECT_EQ(data->events.size(), 2);
    EXPECT_TRUE(data->summary.isEmpty()); // the earlier run's summary is gone
}

TEST_F(RunRecorderTest, FilesOverOneGibibyteAreRefused)
{
    {
        RunRecorder recorder;
        recordSimple(&recorder, 1);
    }
    QFile f(file("events.jsonl"));
    ASSERT_TRUE(f.resize((qint64(1) << 30) + 1)); // sparse: no gigabyte is written
    EXPECT_TRUE(readError().startsWith(file("events.jsonl") + QStringLiteral(": 1073741825 bytes, over the 1 GiB")));
}

TEST_F(RunRecorderTest, AddingToAClosedRecorderIsAnError)
{
    RunRecorder recorder;
    recorder.add(record(1, QStringLiteral("x")));
    EXPECT_FALSE(recorder.error().isEmpty());
    QString error;
    EXPECT_FALSE(recorder.writeSummary(QJsonObject(), &error));
}

} // namespace
} // namespace d3::core
