#include "cli/vaultload.h"

namespace debrief::cli {

std::optional<Vault> loadVault(const QString &command, const QString &folder, QTextStream &err)
{
    Vault vault = Vault::load(folder);
    if (!vault.isValid()) {
        const QString reason = vault.diagnostics().isEmpty() ? QStringLiteral("cannot read folder '%1'").arg(folder)
                                                             : vault.diagnostics().constFirst().message;
        err << "debrief " << command << ": " << reason << '\n';
        return std::nullopt;
    }
    for (const Diagnostic &problem : vault.diagnostics())
        err << "debrief " << command << ": warning: " << problem.message << '\n';
    for (const Note &note : vault.notes()) {
        if (!note.parsed && !note.diagnostics.isEmpty())
            err << "debrief " << command << ": warning: '" << note.path
                << "': " << note.diagnostics.constFirst().message << '\n';
    }
    return vault;
}

} // namespace debrief::cli
