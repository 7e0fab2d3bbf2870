#include "note/textblock.h"

namespace debrief {

QString blockKindName(TextBlock::Kind kind)
{
    switch (kind) {
    case TextBlock::Kind::Title: return QStringLiteral("title");
    case TextBlock::Kind::Summary: return QStringLiteral("summary");
    case TextBlock::Kind::Decision: return QStringLiteral("decision");
    case TextBlock::Kind::ActionItem: return QStringLiteral("action_item");
    case TextBlock::Kind::KeyInformation: return QStringLiteral("key_information");
    case TextBlock::Kind::Text: return QStringLiteral("text");
    }
    return QStringLiteral("text");
}

} // namespace debrief
