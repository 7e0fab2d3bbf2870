#pragma once

#include "vault/vault.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace debrief::cli {

// Loads the vault a command reads every note of (tasks, export, followup). A folder that cannot
// be read is an error (nullopt, the reason printed); unreadable subfolders and notes are not,
// but the output may miss items: each is named as a warning on `err`.
std::optional<Vault> loadVault(const QString &command, const QString &folder, QTextStream &err);

} // namespace debrief::cli
