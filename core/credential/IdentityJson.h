#pragma once
// Identity as JSON, the input format of `lz-issuer issue` and the demo identities
// (docs/tools.md): {"kind","level","name","name_latin","sex","ethnicity","birth_date","number","address"}.
#include "credential/Identity.h"
#include "util/Expected.h"

#include <QDate>
#include <QJsonObject>

namespace lz {

Expected<Identity> identityFromJson(const QJsonObject& o); // validated like a credential's claims
QJsonObject identityToJson(const Identity& id);
// For output (CLI, logs of the venue): name and number masked, address left out, unless unmasked.
// Masked: the rule of credential/Masking.h — no birth date, "age_18_or_over" on `on` instead.
QJsonObject identityToDisplayJson(const Identity& id, bool unmasked, QDate on);

} // namespace lz
