#pragma once
// Who works the desk (issue 18): each clerk signs in with their own staff number and PIN, so
// that every registration, unmasking, void, correction and override in the log says who did it.
// The administrator — the PIN `liangzheng-cli staff set-pin` sets, once the one shared PIN —
// manages the clerks and the terminal's settings. PINs are kept only as StaffPin hashes.
#include <QList>
#include <QString>
#include <optional>

class QSettings;

namespace lz::staff {

// The administrator's staff number: signing in with it (or with none) checks the administrator's
// PIN. No clerk may take it.
inline const QString kAdministratorId = QStringLiteral("admin");

struct StaffMember {
    QString id;      // the staff number (工号) written into the log: 1-16 letters, digits, '-', '_'
    QString name;    // shown to staff only, never written into a record
    QString pinHash; // StaffPin hash
    bool operator==(const StaffMember&) const = default;
};

// A staff number the log and the screens can carry: 1 to 16 of A-Z a-z 0-9 - _.
bool acceptableStaffId(const QString& id);

// Why the roster refused a change.
enum class RosterError { BadId, Reserved, Duplicate, Unknown, NoPin };
QString rosterErrorName(RosterError e); // "staff_id_invalid", "staff_id_reserved", ...

class StaffRoster {
public:
    StaffRoster() = default;
    explicit StaffRoster(QList<StaffMember> members)
        : m_members(std::move(members)) {}
    const QList<StaffMember>& members() const { return m_members; }
    std::optional<StaffMember> find(const QString& id) const;
    // Adds a clerk, or gives an existing one a new PIN hash (and name, when not empty).
    std::optional<RosterError> put(const StaffMember& member);
    std::optional<RosterError> remove(const QString& id);
    bool operator==(const StaffRoster&) const = default;

private:
    QList<StaffMember> m_members;
};

// The roster in a configuration file's [clerks] array (the kiosk's settings, `staff` commands).
StaffRoster readRoster(QSettings& settings);
void writeRoster(QSettings& settings, const StaffRoster& roster);

} // namespace lz::staff
