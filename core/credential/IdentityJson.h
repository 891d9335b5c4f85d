#pragma once
// Identity as JSON, the input format of `lz-issuer issue` and the demo identities
// (docs/tools.md): {"kind","level","name","name_latin","sex","ethnicity","birth_date","number","address"}.
#include "credential/Identity.h"
#include "util/Expected.h"

#include <QJsonObject>

namespace lz {

Expected<Identity> identityFromJson(const QJsonObject& o); // validated like a credential's claims
QJsonObject identityToJson(const Identity& id);
// For output (CLI, logs of the venue): name and number masked, address left out, unless unmasked.
QJsonObject identityToDisplayJson(const Identity& id, bool unmasked);

} // namespace lz
