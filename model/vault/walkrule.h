#pragma once

#include <QByteArrayView>
#include <QStringView>

namespace debrief {

// Which entries a walk of the vault takes, for every walk there is (Vault::findNotes and
// VaultScan): Obsidian ignores dot-folders and dot-files (.obsidian, .trash, editor temp files),
// and a note is a file named *.md in any case, with something before the suffix.
class WalkRule final
{
public:
    static bool skips(QStringView name) { return name.startsWith(u'.'); }
    static bool skips(QByteArrayView name) { return name.startsWith('.'); }

    static bool isNoteName(QStringView name) { return name.size() > 3 && name.endsWith(u".md", Qt::CaseInsensitive); }
    static bool isNoteName(QByteArrayView name)
    {
        if (name.size() < 4)
            return false;
        const char *suffix = name.data() + name.size() - 3;
        return suffix[0] == '.' && (suffix[1] == 'm' || suffix[1] == 'M') && (suffix[2] == 'd' || suffix[2] == 'D');
    }
};

} // namespace debrief
