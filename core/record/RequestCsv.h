#pragma once

#include "RequestRecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// A RequestRecord as a row of requests.csv: the columns, in their order and with their names (a stable interface,
/// docs/EXPERIMENTS.md, Outputs), a record to a row and a row back to a record. Stateless; any thread.
class RequestCsv
{
public:
    /// The column names, in order: phase,id,plan_id,planner,plan,probe,completed,failure,start_ms,end_to_end_ms,
    /// predicted_ms,device_ms,tiles_ms,edge_ms,cloud_ms,uplink_ms,edge_edge_ms,backbone_ms,return_ms,uplink_bytes,
    /// edge_edge_bytes,backbone_bytes,return_bytes,attempts, then for each of uplink, edge_edge, backbone and return:
    /// LINK_codec,LINK_raw_bytes,LINK_encode_ms,LINK_decode_ms, then actions and critical_path_ms, then a stream's
    /// arrival_ms,dropped,in_flight,predicted_rps,device_queue_ms,tiles_queue_ms,edge_queue_ms,cloud_queue_ms and LINK_queue_ms for
    /// each link.
    static const QStringList &columns();
    /// The header row, with its line break.
    static QByteArray header();
    /// One row with its line break (LF): text fields quoted as RFC 4180 when needed, booleans 1/0, times in ms with
    /// the shortest decimal form that reads back to the same double, bytes as integers.
    static QByteArray row(const RequestRecord &record);
    /// The record of a row's fields; nullopt with one line in *error naming the column ("column start_ms: 'x' is
    /// not a number").
    static std::optional<RequestRecord> parse(const QStringList &fields, QString *error);
};

} // namespace d3::core
