#include "staff/StaffRoster.h"

#include <QRegularExpression>
#include <QSettings>

namespace lz::staff {

bool acceptableStaffId(const QString& id) {
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9_-]{1,16}$"));
    return form.match(id).hasMatch();
}

QString rosterErrorName(RosterError e) {
    switch (e) {
    case RosterError::BadId:
        return QStringLiteral("staff_id_invalid");
    case RosterError::Reserved:
        return QStringLiteral("staff_id_reserved");
    case RosterError::Duplicate:
        return QStringLiteral("staff_id_taken");
    case RosterError::Unknown:
        return QStringLiteral("staff_id_unknown");
    case RosterError::NoPin:
        return QStringLiteral("staff_pin_missing");
    }
    return {};
}

std::optional<StaffMember> StaffRoster::find(const QString& id) const {
    for (const StaffMember& m : m_members)
        if (m.id.compare(id, Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

std::optional<RosterError> StaffRoster::put(const StaffMember& member) {
    if (!acceptableStaffId(member.id))
        return RosterError::BadId;
    if (member.id.compare(kAdministratorId, Qt::CaseInsensitive) == 0)
        return RosterError::Reserved;
    for (StaffMember& m : m_members)
        if (m.id.compare(member.id, Qt::CaseInsensitive) == 0) {
            if (member.pinHash.isEmpty() && member.name.isEmpty())
                return RosterError::NoPin;
            if (!member.pinHash.isEmpty())
                m.pinHash = member.pinHash;
            if (!member.name.isEmpty())
                m.name = member.name;
            return std::nullopt;
        }
    if (member.pinHash.isEmpty())
        return RosterError::NoPin;
    m_members.append(member);
    return std::nullopt;
}

std::optional<RosterError> StaffRoster::remove(const QString& id) {
    for (qsizetype i = 0; i < m_members.size(); ++i)
        if (m_members[i].id.compare(id, Qt::CaseInsensitive) == 0) {
            m_members.removeAt(i);
            return std::nullopt;
        }
    return RosterError::Unknown;
}

StaffRoster readRoster(QSettings& s) {
    QList<StaffMember> members;
    const int n = s.beginReadArray(QStringLiteral("clerks"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        StaffMember m{s.value(QStringLiteral("id")).toString(), s.value(QStringLiteral("name")).toString(),
                      s.value(QStringLiteral("pin_hash")).toString()};
        if (acceptableStaffId(m.id) && !m.pinHash.isEmpty()) // a damaged entry signs nobody in
            members.append(m);
    }
    s.endArray();
    return StaffRoster(members);
}

void writeRoster(QSettings& s, const StaffRoster& roster) {
    s.remove(QStringLiteral("clerks"));
    s.beginWriteArray(QStringLiteral("clerks"), int(roster.members().size()));
    for (int i = 0; i < roster.members().size(); ++i) {
        const StaffMember& m = roster.members().at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("id"), m.id);
        s.setValue(QStringLiteral("name"), m.name);
        s.setValue(QStringLiteral("pin_hash"), m.pinHash);
    }
    s.endArray();
}

} // namespace lz::staff
