#pragma once

#include <QString>

namespace debrief {

// Why an edit could not be made, as a value: the model never shows dialogs or throws.
// `message` is meant for the user as it is and names the file.
struct EditError
{
    enum class Code {
        None,
        NotFound,   // the file does not exist (any more)
        NotRegular, // a folder, device, pipe...: never written
        Unreadable, // cannot be opened or read
        ReadOnlyFile,
        ReadOnlyFolder, // the folder refuses the temporary file a safe write needs
        WriteFailed,    // disk full, I/O error, rename refused
        NotActionItem,  // the target line is not what the edit needs
        Conflict,       // the file changed on disk and the edit's lines are not there unchanged
        InvalidEdit,    // the edit itself makes no sense (bad value, overlapping targets)
    };

    Code code = Code::None;
    QString message;

    bool isError() const { return code != Code::None; }
    static EditError make(Code code, const QString &message) { return EditError{code, message}; }

    friend bool operator==(const EditError &, const EditError &) = default;
};

} // namespace debrief
