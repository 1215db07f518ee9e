#pragma once

#include "net/Frame.h"

#include <optional>

namespace d3::core {

/// A frame carrying message (its type is M::kType): every message struct of docs/PROTOCOL.md has kType, toCbor()
/// and a checking fromCbor(map, error).
template<typename M>
Frame frameOf(const M &message, quint64 requestId = 0)
{
    Frame f;
    f.type = quint16(M::kType);
    f.requestId = requestId;
    f.header = message.toCbor();
    return f;
}

/// The message of type M a frame carries, or nullopt with one line in *error naming the field at fault.
template<typename M>
std::optional<M> messageOf(const Frame &frame, QString *error)
{
    return M::fromCbor(frame.header, error);
}

} // namespace d3::core
