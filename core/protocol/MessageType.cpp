#include "MessageType.h"

namespace d3::core {

QString messageName(quint16 type)
{
    switch (MessageType(type)) {
    case MessageType::AuthChallenge: return QStringLiteral("AuthChallenge");
    case MessageType::AuthResponse: return QStringLiteral("AuthResponse");
    case MessageType::AuthResult: return QStringLiteral("AuthResult");
    case MessageType::Heartbeat: return QStringLiteral("Heartbeat");
    case MessageType::Load: return QStringLiteral("Load");
    case MessageType::Loaded: return QStringLiteral("Loaded");
    case MessageType::RunRange: return QStringLiteral("RunRange");
    case MessageType::RangeResult: return QStringLiteral("RangeResult");
    case MessageType::Error: return QStringLiteral("Error");
    case MessageType::Deploy: return QStringLiteral("Deploy");
    case MessageType::Deployed: return QStringLiteral("Deployed");
    case MessageType::Infer: return QStringLiteral("Infer");
    case MessageType::Data: return QStringLiteral("Data");
    case MessageType::Done: return QStringLiteral("Done");
    case MessageType::Report: return QStringLiteral("Report");
    case MessageType::SetLink: return QStringLiteral("SetLink");
    case MessageType::LinkStats: return QStringLiteral("LinkStats");
    case MessageType::GetLinks: return QStringLiteral("GetLinks");
    case MessageType::Profile: return QStringLiteral("Profile");
    case MessageType::ProfileProgress: return QStringLiteral("ProfileProgress");
    case MessageType::Profiled: return QStringLiteral("Profiled");
    case MessageType::SetSlowdown: return QStringLiteral("SetSlowdown");
    case MessageType::SlowdownSet: return QStringLiteral("SlowdownSet");
    case MessageType::Exit: return QStringLiteral("Exit");
    }
    return QStringLiteral("type %1").arg(type);
}

} // namespace d3::core
